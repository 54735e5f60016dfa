// @ts-check
// Mutation testing (StrykerJS): would the tests catch the bugs they name? Each target below is
// mutated and tested on its own; `npm run test:mutation` runs them all (`-- <target>` one of them,
// see test/mutation/run.ts), and `npx stryker run` alone runs `src`. Runs are incremental: only the
// mutants whose code or covering tests changed since the target's committed incremental file are
// tested again. Surviving mutants that no test can kill are listed in test/MUTANTS.md.

/**
 * What differs between targets: the files to mutate and how their tests run. Adding a target is
 * one more entry here.
 * @type {Record<string, import("@stryker-mutator/api/core").PartialStrykerOptions>}
 */
export const targets = {
  // The client, under the unit and faults tests. Those start no server in a globalSetup, so the
  // vitest runner can run them inside its instrumented workers.
  src: {
    mutate: ["src/**/*.ts"],
    testRunner: "vitest",
    vitest: { configFile: "test/mutation/vitest.src.config.ts" },
  },
  // The mock, under the stateful and mock projects, which start it in the test's own process.
  // Not mutated (see test/MUTANTS.md): the process glue of the command (node/cli.ts, node/serve.ts),
  // what only the build runs (node/precompile*.ts) and the stand-in the build replaces
  // (node/validators.ts), and the imported documents (documents.ts).
  mock: {
    mutate: ["mock/**/*.ts", "!mock/**/*.d.ts", "!mock/dist/**", "!mock/node/cli.ts", "!mock/node/serve.ts", "!mock/node/precompile*.ts", "!mock/node/validators.ts", "!mock/documents.ts"],
    testRunner: "vitest",
    vitest: { configFile: "test/mutation/vitest.mock.config.ts" },
    // Below src/'s 90: the last full run (test/MUTANTS.md) killed 78% of mock/'s mutants, the code
    // of its proxy, drift report, package and state files the least tested. The break is that
    // figure, so that no run goes lower; raise it as the survivors listed there are killed.
    thresholds: { high: 95, low: 90, break: 78 },
  },
};

/** Where a target's results are kept between runs: committed, it is what the next run compares against. */
export const incrementalFile = (/** @type {string} */ target) => `test/mutation/${target}.incremental.json`;

const name = process.env.MUTATION_TARGET ?? "src";
const target = targets[name];
if (target === undefined) {
  throw new Error(`MUTATION_TARGET=${name} is not a target of stryker.config.mjs (${Object.keys(targets).join(", ")}).`);
}

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  incremental: true,
  incrementalFile: incrementalFile(name),
  // Progress as it goes on a terminal; in a log (CI), where Stryker would write a progress line every
  // few mutants (thousands in a full run), one character a mutant on a single line instead.
  reporters: ["clear-text", process.stdout.isTTY ? "progress" : "dots", "html", "json"],
  htmlReporter: { fileName: `reports/mutation/${name}/index.html` },
  jsonReporter: { fileName: `reports/mutation/${name}/mutation.json` },
  // The figures, not the listing: every test (1,300 lines) and every surviving mutant would bury
  // the log. The HTML report has both; test/MUTANTS.md says why each survivor survives.
  clearTextReporter: { allowEmojis: false, reportScoreTable: true, reportTests: false, reportMutants: false },
  thresholds: { high: 95, low: 90, break: 90 },
  // A target's own options come last: its files, its tests, and a threshold of its own.
  ...target,
  // A mutant of code that runs when a module loads (a default, a table) can only be told by running
  // every test again, each loading the mock anew: a fifth of mock/'s mutants, more than half the
  // time. They are left out (reported as ignored); test/MUTANTS.md says so.
  ignoreStatic: true,
  // The machine has two cores, shared with other work.
  concurrency: 2,
  tempDirName: ".stryker-tmp",
};
