// Fails when generated/ is not what the source in openapi/ produces now: it regenerates
// into a temporary folder and compares byte for byte, so it needs no git and no commit.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate, generatedDir, generatedFiles } from "./generate.ts";

const fresh = mkdtempSync(join(tmpdir(), "albums-generated-"));
try {
  await generate(fresh);
  const stale = generatedFiles.filter((file) => {
    const committed = readOrNull(join(generatedDir, file));
    return committed !== readFileSync(join(fresh, file), "utf8");
  });
  if (stale.length > 0) {
    console.error(`generated/ is stale: ${stale.join(", ")} differ from what openapi/ produces.`);
    console.error("Run `npm run generate` and commit the result.");
    process.exitCode = 1;
  } else {
    console.log(`generated/ is up to date (${generatedFiles.join(", ")}).`);
  }
} finally {
  rmSync(fresh, { recursive: true, force: true });
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}
