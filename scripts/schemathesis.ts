// `npm run test:schemathesis`: Schemathesis against the stateful stack, with every check, a fixed
// seed and a bounded number of examples (schemathesis.toml). Two runs:
// - through Prism's proxy, every check, in every phase but coverage: Prism answers a request
//   missing a credential itself, with a problem+json 401, before the provider sees it (whatever
//   --validate-request says), and the coverage phase sends such requests on purpose;
// - against the provider alone, every check in every phase.
// Without Schemathesis it says what to install and stops, except under CI=true, where it fails.
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { generatedDir } from "./generate.ts";
import { projectRoot } from "./redocly.ts";
import { startStatefulStack } from "./stateful-stack.ts";

const found = spawnSync("schemathesis", ["--version"], { encoding: "utf8" });
if (found.status !== 0) {
  const message = "Schemathesis is not installed: pip install -r .ci/requirements.txt";
  if (process.env.CI === "true") throw new Error(message);
  console.warn(`Skipping Schemathesis. ${message}`);
  process.exit(0);
}

const spec = join(generatedDir, "openapi.yaml");
const stack = await startStatefulStack();

// Asynchronous: the provider answers from this very process, so it must not be blocked.
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
  const throughProxy = await schemathesis("the stack: Prism's proxy and the provider", stack.url, ["--phases", "examples,fuzzing,stateful"]);
  const providerAlone = await schemathesis("the provider alone", stack.providerUrl, []);
  if (!throughProxy || !providerAlone) process.exitCode = 1;
} finally {
  await stack.stop();
}
