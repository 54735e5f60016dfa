// How a step of `npm test` says it did not run: it prints why and exits with 77 (the "skipped"
// code of automake's test harness), which `npm test` lists as skipped, with the reason, rather
// than as passed. Under CI=true nothing may be skipped: the step fails instead.

export const skippedExitCode = 77;
/** The line a skipped step prints last; `npm test` quotes what follows it. */
export const skippedPrefix = "Skipped: ";

export function skipStep(reason: string, env: NodeJS.ProcessEnv = process.env): never {
  if (env.CI === "true") {
    console.error(`CI=true runs every check, but ${reason}`);
    process.exit(1);
  }
  console.log(`${skippedPrefix}${reason}`);
  process.exit(skippedExitCode);
}
