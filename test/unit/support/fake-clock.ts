// A fake clock for tests about time: the client's attempt timeouts and retry waits (setTimeout)
// and its idea of now (Date.now) move only when the test moves them, so no outcome depends on
// how fast the machine is. Promises, streams and everything else run as they do.
import { vi } from "vitest";

/** Any fixed instant: Retry-After dates in the tests are written relative to it. */
export const epoch = Date.parse("2026-11-24T18:30:00Z");

export function useFakeClock(): void {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: epoch });
}

export interface Settled<T> {
  value?: T;
  error?: unknown;
  /** The fake Date.now() when the promise settled. */
  at: number;
}

/**
 * Runs the fake clock from timer to timer until the promise settles, and says when it did. Fails
 * (instead of hanging) if it has not settled after `maxTimers` timers.
 */
export async function runUntilSettled<T>(promise: Promise<T>, maxTimers = 50): Promise<Settled<T>> {
  let settled: Settled<T> | undefined;
  promise.then(
    (value) => (settled = { value, at: Date.now() }),
    (error: unknown) => (settled = { error, at: Date.now() }),
  );
  for (let timers = 0; ; timers++) {
    // Let every pending promise callback run first: a timer is fired only if the promise still waits.
    await flushPromises();
    if (settled !== undefined) return settled;
    if (timers === maxTimers) throw new Error(`not settled after ${maxTimers} timers`);
    await vi.advanceTimersToNextTimerAsync();
  }
}

/** Resolves once every promise callback queued so far has run (setImmediate is not faked). */
export function flushPromises(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
