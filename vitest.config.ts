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
          name: "scripts",
          include: ["test/scripts/**/*.test.ts"],
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
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          globalSetup: ["test/contract/global-setup.ts"],
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
