// Ends the mock when whatever started it is gone. A SIGKILL of `npm start` (or of a terminal)
// cannot be caught, and the mock would go on serving its port with nobody to stop it; the one
// sign left is that its parent changes (the orphan is re-parented to init or a subreaper).
// `parentPid` is injected by the tests, which cannot re-parent the process that runs them.
export function watchParent(onOrphaned: () => void, intervalMs = 250, parentPid: () => number = () => process.ppid): () => void {
  const parent = parentPid();
  const timer = setInterval(() => {
    if (parentPid() === parent) return;
    clearInterval(timer);
    onOrphaned();
  }, intervalMs);
  // The watch alone must not keep the process alive.
  timer.unref();
  return () => clearInterval(timer);
}
