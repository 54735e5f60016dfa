import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { browserBudgetMs, toolBudgetMs } from "./test/support/budgets.ts";

// Every project: a worker ends when its vitest run is killed, so no server of a test outlives it.
const setupFiles = ["test/support/exit-with-parent.ts"];

// The projects exported here are also what mutation testing runs (test/mutation/vitest.*.config.ts).

// The client's own tests.
export const unit = {
  test: {
    name: "unit",
    setupFiles,
    include: ["test/unit/**/*.test.ts"],
    // Type tests (*.test-d.ts) are checked by tsc in typecheck mode: run as ordinary tests,
    // expectTypeOf checks nothing.
    typecheck: { enabled: true, include: ["test/unit/**/*.test-d.ts"] },
  },
} satisfies TestProjectInlineConfiguration;

export const faults = {
  test: {
    name: "faults",
    setupFiles,
    include: ["test/faults/**/*.test.ts"],
  },
} satisfies TestProjectInlineConfiguration;

// The mock's tests; most start the mock in the test's own process (test/support/mock.ts).
export const stateful = {
  test: {
    name: "stateful",
    setupFiles,
    include: ["test/stateful/**/*.test.ts"],
  },
} satisfies TestProjectInlineConfiguration;

export const mock = {
  test: {
    name: "mock",
    setupFiles,
    include: ["test/mock/**/*.test.ts"],
  },
} satisfies TestProjectInlineConfiguration;

export default defineConfig({
  test: {
    // Most test files wait on loopback HTTP, not on the CPU: three at a time keep both of 2
    // cores busy (vitest would pick one worker there), which took the projects from 63 s to 43 s.
    maxWorkers: 3,
    projects: [
      {
        test: {
          name: "spec",
          setupFiles,
          include: ["test/spec/**/*.test.ts"],
        },
      },
      unit,
      faults,
      {
        test: {
          name: "scripts",
          setupFiles,
          include: ["test/scripts/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "docs",
          setupFiles,
          include: ["test/docs/**/*.test.ts"],
          globalSetup: ["test/docs/global-setup.ts"],
          // Every test here drives Chromium.
          testTimeout: browserBudgetMs,
          hookTimeout: browserBudgetMs,
        },
      },
      {
        test: {
          name: "browser",
          setupFiles,
          include: ["test/browser/**/*.test.ts"],
          globalSetup: ["test/contract/global-setup.ts"],
          // Every test here drives Chromium.
          testTimeout: browserBudgetMs,
          hookTimeout: browserBudgetMs,
        },
      },
      {
        test: {
          name: "languages",
          setupFiles,
          include: ["test/languages/**/*.test.ts"],
          globalSetup: ["test/languages/global-setup.ts"],
          // Generating and compiling a client takes a while, the first time Maven fetches its dependencies.
          testTimeout: 600_000,
          // Each file's work is one generator or compiler at a time, in a child process: two files
          // at once keep both of 2 cores busy (vitest picks one worker there). A maxWorkers of its
          // own needs a groupOrder of its own: the project runs after the others, not beside them.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      stateful,
      mock,
      {
        test: {
          name: "release",
          setupFiles,
          include: ["test/release/**/*.test.ts"],
          // Every release test builds, packs or runs the gate on a copy of the project.
          testTimeout: toolBudgetMs,
        },
      },
      {
        test: {
          name: "contract",
          setupFiles,
          include: ["test/contract/**/*.contract.test.ts"],
          globalSetup: ["test/contract/global-setup.ts"],
        },
      },
    ],
  },
});
