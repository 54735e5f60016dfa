import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "spec",
          include: ["test/spec/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "faults",
          include: ["test/faults/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "docs",
          include: ["test/docs/**/*.test.ts"],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "languages",
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
      {
        test: {
          name: "stateful",
          include: ["test/stateful/**/*.test.ts"],
          globalSetup: ["test/stateful/global-setup.ts"],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "contract",
          include: ["test/contract/**/*.contract.test.ts"],
          globalSetup: ["test/contract/global-setup.ts"],
        },
      },
    ],
  },
});
