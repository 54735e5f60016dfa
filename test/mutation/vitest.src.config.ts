// The tests Stryker runs against mutants of src/: the unit and faults projects, as npm test runs
// them, minus the unit project's type tests (types do not change with a mutant). The other
// projects start servers in their globalSetup, outside the workers Stryker instruments.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { faults, unit } from "../../vitest.config.ts";

export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    projects: [{ ...unit, test: { ...unit.test, typecheck: { enabled: false } } }, faults],
  },
});
