// How long a test or hook that waits on slow work may take, set on the tests and hooks that do
// that work and nowhere else: everything else keeps vitest's 5 s default, so that slowness
// elsewhere still shows. Budgets, not waits: a test ends as soon as its work does. Each is sized
// for a 2-core machine shared with six busy processes (`npm run test:stress`), where work that
// takes a second on an idle machine takes ten.

/** Starts the mock in this process: Prism's mocker loads in its worker thread. */
export const mockStartBudgetMs = 60_000;
/** Spawns a Node.js process (the TypeScript loader included) and waits for what it prints or does. */
export const processBudgetMs = 60_000;
/** Runs a tool that works for seconds on an idle machine: tsc over a program, Redocly, npm pack, a child vitest run. */
export const toolBudgetMs = 180_000;
/** Drives Chromium: its start, a page's load and what the test does on it. */
export const browserBudgetMs = 120_000;
/**
 * Works through one input made large on purpose (a body nested 200,000 deep, a compression bomb
 * inflated to 32 MiB): a second idle, ten at a load of 20, far more instrumented by Stryker.
 */
export const largeInputBudgetMs = 60_000;
/** Runs a parser on hundreds of generated inputs, some of them tens of kilobytes (fast-check). */
export const fuzzBudgetMs = 60_000;
/**
 * The most one input of a fuzz test may take to parse: far above what linear work on the largest
 * generated input takes at a load of 10 (at most a few milliseconds, some 200 with a garbage
 * collection), far below what quadratic work on it takes (seconds), so that only super-linear work
 * (a backtracking pattern, a loop over the text per occurrence) exceeds it. Synchronous work cannot
 * be interrupted: exponential work may never end, and the run then hangs on that input instead.
 */
export const fuzzInputBudgetMs = 1_000;
