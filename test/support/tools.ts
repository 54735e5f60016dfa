// Finding the outside tools some tests need, and skipping those tests (with what to install)
// when a tool is missing, except under CI=true, where nothing may be skipped.
import { existsSync } from "node:fs";
import { join } from "node:path";

/** The path of a command, looked up on PATH and in the given folders; undefined when absent. */
export function findCommand(name: string, extraDirs: string[] = []): string | undefined {
  const dirs = [...(process.env.PATH ?? "").split(":"), ...extraDirs];
  return dirs.map((dir) => join(dir, name)).find((path) => existsSync(path));
}

/** What is missing, as a message, or undefined when nothing is. Throws under CI=true. */
export function missingTools(what: string, tools: Record<string, string | undefined>, install: string): string | undefined {
  const missing = Object.entries(tools).filter(([, path]) => path === undefined).map(([name]) => name);
  if (missing.length === 0) return undefined;
  const message = `${what}: ${missing.join(", ")} not found. Install with: ${install}`;
  if (process.env.CI === "true") throw new Error(`CI=true runs every test, but ${message}`);
  console.warn(`Skipping ${message}`);
  return message;
}
