// Ending a child and everything it started, including grandchildren that moved to process groups
// of their own (a test's tool run detached, say): a signal to the child alone would leave them
// running. Linux only: it reads /proc.
import { readdirSync, readFileSync } from "node:fs";

/** The processes started, directly or not, by `pid`, as they are now. */
export function descendantsOf(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The fields after the command name, which is in parentheses and may hold anything.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // Gone since the directory was listed.
    }
  }
  const found: number[] = [];
  const pending = [pid];
  while (pending.length > 0) {
    for (const child of children.get(pending.pop() as number) ?? []) {
      found.push(child);
      pending.push(child);
    }
  }
  return found;
}

/** Sends `signal` to `pid` and all its descendants, found before any of them is signalled. */
export function signalTree(pid: number, signal: NodeJS.Signals): number[] {
  const tree = [pid, ...descendantsOf(pid)];
  for (const member of tree) {
    try {
      process.kill(member, signal);
    } catch {
      // Already gone.
    }
  }
  return tree;
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
