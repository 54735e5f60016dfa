// Runs the pinned Redocly CLI as a child process and returns what it printed. Redocly on
// Node 20 prints an end-of-life banner to stderr on every run; stderr is shown only when
// the command fails, so the scripts that use it print just what matters.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const cli = fileURLToPath(new URL("../node_modules/@redocly/cli/bin/cli.js", import.meta.url));

export function redocly(args: string[]): string {
  const run = spawnSync(process.execPath, [cli, ...args], {
    cwd: projectRoot,
    encoding: "utf8",
    env: { ...process.env, REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  });
  if (run.status !== 0) {
    throw new Error(`redocly ${args.join(" ")} failed (exit ${run.status}):\n${run.stdout}${run.stderr}`);
  }
  return run.stdout;
}
