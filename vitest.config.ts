import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

// The client's own tests, exported for test/mutation/vitest.config.ts (mutation testing of src/).
export const unit = {
  test: {
    name: "unit",
    include: ["test/unit/**/*.test.ts"],
    // Type tests (*.test-d.ts) are checked by tsc in typecheck mode: run as ordinary tests,
    // expectTypeOf checks nothing.
    typecheck: { enabled: true, include: ["test/unit/**/*.test-d.ts"] },
  },
} satisfies TestProjectInlineConfiguration;

export const faults = {
  test: {
    name: "faults",
    include: ["test/faults/**/*.test.ts"],
  },
} satisfies TestProjectInlineConfiguration;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "spec",
          include: ["test/spec/**/*.test.ts"],
        },
      },
      unit,
      faults,
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
          globalSetup: ["test/contract/global-setup.ts"],
          // Generating and compiling a client takes a while, the first time Maven fetches its dependencies.
          testTimeout: 600_000,
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
