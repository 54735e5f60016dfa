// Whether a module is the script node was asked to run (not imported by another one). Compares
// real file paths, so that spaces, encoded characters and symbolic links do not fool it.
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";

export function isMain(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
