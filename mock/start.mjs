// @ts-check
// `npm start` in this repository: the mock's command (mock/dist/cli.mjs, the same the mock's
// package runs), made from this checkout as it is now. When openapi/ changed since generated/ was
// written, generated/ is rebuilt first (npm run generate, seconds); when mock/ or generated/
// changed since the build, the mock is built again (esbuild, under a second). Otherwise this
// costs a few milliseconds of digests, so that `npm start` answers as fast as the command alone.
// Plain JavaScript: no TypeScript loader on the way.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildDigestFile } from "./build.mjs";
import { digestOf, ensureFreshBundle, projectRoot } from "./freshness.mjs";

/** What the build is made from: the mock's code and what it imports from generated/ and the lockfile. */
export const buildPaths = ["mock/core", "mock/node", "mock/index.ts", "mock/msw.ts", "mock/documents.ts", "mock/build.mjs", "generated/openapi.json", "generated/openapi.realistic.json", "package-lock.json"];

await ensureFreshBundle({
  root: projectRoot,
  regenerate: async () => {
    console.log("openapi/ changed since generated/ was written: regenerating it (npm run generate)…");
    const run = spawnSync(process.execPath, ["--import", "tsx", join(projectRoot, "scripts/generate.ts")], { cwd: projectRoot, stdio: "inherit" });
    if (run.status !== 0) process.exit(run.status ?? 1);
  },
});

const digest = digestOf(projectRoot, buildPaths);
let built = "";
try {
  built = readFileSync(buildDigestFile, "utf8").trim();
} catch {
  // Never built in this checkout.
}
if (built !== digest) {
  console.log("Building the mock (mock/dist)…");
  await (await import("./build.mjs")).build({ digest, quiet: true });
}

process.env.MOCK_COMMAND ??= "npm start --";
// Built above, so not there for a type check that runs first.
await import(new URL("./dist/cli.mjs", import.meta.url).href);
