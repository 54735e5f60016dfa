// The watch that ends `npm start` (and every test worker) once its parent is gone, on fake timers
// and a parent ID the test changes. That a SIGKILL of npm leaves no process is orphans.test.ts's.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { starterPid, watchParent } from "../../mock/node/parent-watch.ts";

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

  it("says so within an interval when what started the process was gone before the watch began", () => {
    // npm ended by a signal between spawning the script's shell and listening for signals: the
    // mock starts with init as its parent, and npm's pid (MOCK_PARENT_PID) is not it.
    const orphaned = vi.fn();
    watchParent(orphaned, 250, () => 1, 4242);
    vi.advanceTimersByTime(249);
    expect(orphaned).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(orphaned).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("keeps watching while the parent is the one that started the process", () => {
    const orphaned = vi.fn();
    const stop = watchParent(orphaned, 250, () => 4242, 4242);
    vi.advanceTimersByTime(10_000);
    expect(orphaned).not.toHaveBeenCalled();
    stop();
  });
});

describe("starterPid", () => {
  it("is the pid npm start names, else the parent's", () => {
    expect(starterPid({ MOCK_PARENT_PID: "4242" }, 100)).toBe(4242);
    expect(starterPid({}, 100)).toBe(100);
    for (const named of ["", "0", "-5", "12.5", "npm", "1e3x"]) expect(starterPid({ MOCK_PARENT_PID: named }, 100)).toBe(100);
  });

  it("reads the process's own environment and parent by default", () => {
    const saved = process.env.MOCK_PARENT_PID;
    try {
      delete process.env.MOCK_PARENT_PID;
      expect(starterPid()).toBe(process.ppid);
      process.env.MOCK_PARENT_PID = "4242";
      expect(starterPid()).toBe(4242);
    } finally {
      if (saved === undefined) delete process.env.MOCK_PARENT_PID;
      else process.env.MOCK_PARENT_PID = saved;
    }
  });
});
