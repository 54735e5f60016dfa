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
    ],
  },
});
