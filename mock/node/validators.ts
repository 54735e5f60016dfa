// The validators of the description the mock ships, compiled ahead of time. In this repository's
// sources there are none (each is compiled when first needed); the mock's build puts Ajv's
// standalone module of all of them here (mock/node/precompile.ts), so that a first request
// compiles nothing.
import type { PrecompiledValidators } from "../core/validation.ts";

export const precompiledValidators: PrecompiledValidators | undefined = undefined;
