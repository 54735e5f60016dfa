// Ends the mock when whatever started it is gone. A SIGKILL of `npm start` (or of a terminal)
// cannot be caught, and the mock would go on serving its port with nobody to stop it; the one
// sign left is that its parent changes (the orphan is re-parented to init or a subreaper).
// npm can also be gone before the mock has started: a SIGINT that reaches npm after it has
// spawned the script's shell but before it listens for signals ends npm at once, and the shell
// still execs the mock, whose parent is then already init. So `npm start` says who started it
// (MOCK_PARENT_PID, the shell's $PPID) and the mock compares its parent with that.
// `parentPid` is injected by the tests, which cannot re-parent the process that runs them.
export function watchParent(
  onOrphaned: () => void,
  intervalMs = 250,
  parentPid: () => number = () => process.ppid,
  startedBy: number = parentPid(),
): () => void {
  const timer = setInterval(() => {
    if (parentPid() === startedBy) return;
    clearInterval(timer);
    onOrphaned();
  }, intervalMs);
  // The watch alone must not keep the process alive.
  timer.unref();
  return () => clearInterval(timer);
}

/** The process that started this one: the one MOCK_PARENT_PID names, else the parent now. */
export function starterPid(env: NodeJS.ProcessEnv = process.env, ppid: number = process.ppid): number {
  const named = Number(env.MOCK_PARENT_PID);
  return Number.isInteger(named) && named > 0 ? named : ppid;
}
