// A state document in a file (--state <file>, `startMock({ state: "<file>" })`): read at start,
// and written back when the mock stops if --persist asks, so that a restart keeps the libraries.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { StateError, type MockState } from "../core/state.ts";

export function readStateFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new StateError(`The state file ${path} cannot be read: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new StateError(`The state file ${path} is not JSON: ${(error as Error).message}`);
  }
}

/** Written whole or not at all: a mock killed mid-write leaves the previous file. */
export function writeStateFile(path: string, state: MockState): void {
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(partial, path);
}
