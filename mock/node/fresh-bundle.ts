// The mock serves the description as openapi/ says it now: when the source changed since
// generated/ was written (its digest, generated/source.sha256, differs), generated/ is rebuilt
// first, with `npm run generate`'s own code. When nothing changed, this costs a few milliseconds.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../scripts/redocly.ts";
import { digestFileName, sourceDigest, sourceDir } from "../../scripts/source-digest.ts";

export interface Freshness {
  sourceDir: string;
  generatedDir: string;
  /** Rebuilds generated/ (it loads the generators, about two seconds: only when needed). */
  regenerate(): Promise<void>;
}

/** This checkout: what `npm start` checks. */
export const checkout: Freshness = {
  sourceDir,
  generatedDir: join(projectRoot, "generated"),
  regenerate: async () => {
    console.log("openapi/ changed since generated/ was written: regenerating it (npm run generate)…");
    await (await import("../../scripts/generate.ts")).generate();
  },
};

/** True when generated/ had to be rebuilt. */
export async function ensureFreshBundle(where: Freshness = checkout): Promise<boolean> {
  let recorded = "";
  try {
    recorded = readFileSync(join(where.generatedDir, digestFileName), "utf8").trim();
  } catch {
    // No digest yet: rebuild.
  }
  if (recorded === sourceDigest(where.sourceDir)) return false;
  await where.regenerate();
  return true;
}
