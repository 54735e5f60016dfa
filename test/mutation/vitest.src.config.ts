// The tests Stryker runs against mutants of src/: the unit and faults projects, as npm test runs
// them, minus the unit project's type tests (types do not change with a mutant). The other
// projects start servers in their globalSetup, outside the workers Stryker instruments. Left out:
// the fuzz tests (test/unit/fuzz/), hundreds of generated inputs a test, which every mutant they
// cover would run again; they hold the parsers to their rules in npm test, where the unit tests
// pin the same rules input by input.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { faults, unit } from "../../vitest.config.ts";

export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    projects: [{ ...unit, test: { ...unit.test, typecheck: { enabled: false }, exclude: ["test/unit/fuzz/**"] } }, faults],
  },
});
