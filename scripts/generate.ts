// Writes every file of generated/ from the split source in openapi/: the bundled description
// (YAML and JSON). `--out DIR` writes them elsewhere; the staleness check uses that.
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { projectRoot, redocly } from "./redocly.ts";

export const generatedDir = join(projectRoot, "generated");
export const generatedFiles = ["openapi.yaml", "openapi.json"] as const;

/** The bundled description, in both formats. */
export function bundle(outDir: string = generatedDir): void {
  mkdirSync(outDir, { recursive: true });
  for (const file of ["openapi.yaml", "openapi.json"]) {
    redocly(["bundle", "albums@v1", "--output", join(outDir, file)]);
  }
}

/** Every file of generated/. */
export function generate(outDir: string = generatedDir): void {
  bundle(outDir);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const outDir = values.out ? resolve(values.out) : generatedDir;
  generate(outDir);
  console.log(`Wrote ${generatedFiles.join(", ")} to ${outDir}`);
}
