// `npm run test:stress`: the projects whose tests wait on time, processes, the mock or a browser
// (unit, faults, contract, stateful, mock, docs), three times in a row, with six CPU-burning
// processes beside them for the whole run: a 2-core machine at a load of about 9, as a shared CI
// machine that other jobs are using can be. A test whose outcome depends on the machine's speed
// fails here.
// The burners are bounded (they stop after an hour, or as soon as this run is gone) and are
// stopped on every exit of this script.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { projectRoot } from "./redocly.ts";

const runs = 3;
const projects = ["unit", "faults", "contract", "stateful", "mock", "docs"];
const burnerCount = 6;

// Busy for at most an hour; checks now and then that this script still runs, and stops if not.
const burnerSource = `
const parent = process.ppid, end = Date.now() + 3_600_000;
while (Date.now() < end && process.ppid === parent) for (let i = 0; i < 5e7; i++);
`;
const burners: ChildProcess[] = Array.from({ length: burnerCount }, () => spawn(process.execPath, ["-e", burnerSource], { stdio: "ignore" }));
const stopBurners = () => burners.forEach((burner) => burner.kill("SIGKILL"));
process.on("exit", stopBurners);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(1));

// Dots, and each failure in full: three runs of every test's name would bury the log.
const vitest = [`${projectRoot}/node_modules/vitest/vitest.mjs`, "run", "--reporter=dot", ...projects.flatMap((project) => ["--project", project])];
const outcomes: number[] = [];
for (let run = 1; run <= runs; run++) {
  console.log(`\n━━ Stress run ${run} of ${runs}: ${projects.join(", ")}, beside ${burnerCount} CPU burners`);
  const started = performance.now();
  const result = spawnSync(process.execPath, vitest, { cwd: projectRoot, stdio: "inherit" });
  outcomes.push(result.status ?? 1);
  console.log(`━━ Stress run ${run}: ${result.status === 0 ? "passed" : "FAILED"} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
stopBurners();
const failures = outcomes.filter((status) => status !== 0).length;
console.log(failures === 0 ? `\nAll ${runs} stress runs passed.` : `\n${failures} of ${runs} stress runs failed.`);
process.exitCode = failures === 0 ? 0 : 1;
