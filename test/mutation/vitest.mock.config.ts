// The tests Stryker runs against mutants of mock/: the stateful and mock projects, which start
// the mock in the test's own process (test/support/mock.ts), where Stryker activates each mutant.
// Left out:
// - test/mock/memory.test.ts: 100,000 requests, about a minute, too slow to run for every mutant
//   it covers; the caps it proves are pinned one by one in parts.test.ts.
// - test/mock/cli.test.ts and orphans.test.ts: they run `npm start` in child processes, where no
//   mutant is ever active; what the command line decides is tested in-process by cli-options.test.ts.
// - The projects' setup file (test/support/exit-with-parent.ts): it runs mock/node/parent-watch.ts in
//   every test worker, where a mutant of it would end the worker, a kill no test made. Stryker's
//   runner ends its own workers.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { mock, stateful } from "../../vitest.config.ts";

const slowOrOutOfProcess = [
  "test/mock/memory.test.ts",
  "test/mock/cli.test.ts",
  "test/mock/orphans.test.ts",
  // The built mock's package, npm start's build, and the proxy through the command: child processes.
  "test/mock/package.test.ts",
  "test/mock/start.test.ts",
  "test/mock/proxy-command.test.ts",
];

export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    projects: [
      { test: { ...stateful.test, setupFiles: [] } },
      { test: { ...mock.test, setupFiles: [], exclude: slowOrOutOfProcess } },
    ],
  },
});
