// `npm run test:arazzo`: runs the Arazzo workflows of openapi/workflows with Redocly Respect
// against the mock (its default, realistic mode), as a fresh user (a bearer token of its own, so an empty library).
// Respect also checks each response's status, content type and schema against the description.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "./redocly.ts";
import { startMock } from "../test/support/mock.ts";

const workflowsDir = join(projectRoot, "openapi", "workflows");
const workflows = readdirSync(workflowsDir).filter((file) => file.endsWith(".arazzo.yaml"));
const cli = join(projectRoot, "node_modules/@redocly/cli/bin/cli.js");

const mock = await startMock();
let failed = 0;
try {
  for (const file of workflows) {
    const inputs = { apiKey: "amzn1.application.arazzo", accessToken: `arazzo-${randomUUID()}`, albumId: "B0064UPU4G" };
    // Asynchronous: the mock answers from this very process, so it must not be blocked.
    const child = spawn(
      process.execPath,
      [cli, "respect", join(workflowsDir, file), "--server", `albums=${mock.url}`, "--input", JSON.stringify(inputs)],
      { stdio: "inherit", cwd: projectRoot, env: { ...process.env, REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } },
    );
    const [code] = (await once(child, "exit")) as [number | null];
    if (code !== 0) failed++;
  }
} finally {
  await mock.close();
}
if (failed > 0) {
  console.error(`${failed} of ${workflows.length} workflow files failed.`);
  process.exitCode = 1;
} else {
  console.log(`All ${workflows.length} workflow files passed.`);
}
