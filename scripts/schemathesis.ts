// `npm run test:schemathesis`: Schemathesis against the mock in its default (realistic) mode, as
// `npm start` serves it: every check, every phase (examples, coverage, fuzzing, and the stateful
// phase, which follows the description's links), a fixed seed and a bounded number of examples
// (schemathesis.toml). Without Schemathesis it says what to install and ends as skipped
// (scripts/skip-step.ts), except under CI=true, where it fails.
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { generatedDir } from "./generate.ts";
import { projectRoot } from "./redocly.ts";
import { skipStep } from "./skip-step.ts";
import { startMock } from "../test/support/mock.ts";

const found = spawnSync("schemathesis", ["--version"], { encoding: "utf8" });
if (found.status !== 0) skipStep("Schemathesis is not installed: pip install -r .ci/requirements.txt");

const spec = join(generatedDir, "openapi.yaml");
const mock = await startMock();

// Asynchronous: the mock answers from this very process, so it must not be blocked.
async function schemathesis(name: string, url: string, extra: string[]): Promise<boolean> {
  console.log(`\nSchemathesis against ${name} (${url})`);
  const child = spawn(
    "schemathesis",
    ["--config-file", join(projectRoot, "schemathesis.toml"), "run", spec, "--url", url, "--no-color",
      "--header", "x-api-key: amzn1.application.schemathesis", "--header", "Authorization: Bearer schemathesis-user", ...extra],
    { stdio: "inherit", cwd: projectRoot },
  );
  const [code] = (await once(child, "exit")) as [number | null];
  return code === 0;
}

try {
  if (!(await schemathesis("the mock", mock.url, []))) process.exitCode = 1;
} finally {
  await mock.close();
}
