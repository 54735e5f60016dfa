// The watch that ends `npm start` (and every test worker) once its parent is gone, on fake timers
// and a parent ID the test changes. That a SIGKILL of npm leaves no process is orphans.test.ts's.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { watchParent } from "../../mock/parent-watch.ts";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("watchParent", () => {
  it("says so once, within an interval of the parent changing, and then stops looking", () => {
    let ppid = 100;
    const orphaned = vi.fn();
    watchParent(orphaned, 250, () => ppid);
    vi.advanceTimersByTime(1000);
    expect(orphaned).not.toHaveBeenCalled();
    ppid = 1;
    vi.advanceTimersByTime(249);
    expect(orphaned).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(orphaned).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(orphaned).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("looks every quarter of a second by default, at the process's parent", () => {
    const orphaned = vi.fn();
    const ppid = vi.spyOn(process, "ppid", "get");
    const stop = watchParent(orphaned);
    // The worker's own parent watch (the setup file's, on real timers) reads process.ppid too:
    // the false parent is put back before anything else can run.
    try {
      vi.advanceTimersByTime(1000);
      expect(orphaned).not.toHaveBeenCalled();
      ppid.mockReturnValue(-1);
      vi.advanceTimersByTime(249);
      expect(orphaned).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(orphaned).toHaveBeenCalledTimes(1);
    } finally {
      ppid.mockRestore();
      stop();
    }
  });

  it("stops watching when asked", () => {
    let ppid = 100;
    const orphaned = vi.fn();
    const stop = watchParent(orphaned, 250, () => ppid);
    stop();
    ppid = 1;
    vi.advanceTimersByTime(1000);
    expect(orphaned).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("does not keep the process alive by itself", () => {
    const setInterval = vi.spyOn(globalThis, "setInterval");
    const stop = watchParent(() => {}, 250, () => 100);
    const timer = setInterval.mock.results[0]?.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    stop();
  });
});
