// What mock/build.mjs runs to make the precompiled validators of the description the mock ships.
import { realisticDocument } from "../documents.ts";
import { precompiledModule as forDocument } from "./precompile.ts";

export const precompiledModule = (): string => forDocument(realisticDocument);
