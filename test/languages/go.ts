// Go, as the tests of the three Go clients (oapi-codegen, ogen, OpenAPI Generator's go) build
// them: the smoke program of generators/<target>/smoke beside the generated client, in a kept step
// (cache.ts). Its go.mod and go.sum pin the runtime the generated code needs; Go's own module and
// build caches keep a rebuild off the network and quick.
import { cpSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { keep, type Kept } from "./cache.ts";
import { findCommand, generatorsDir, goBin, run } from "./support.ts";

export const go = findCommand("go");

/** A Go tool `go install` put in GOPATH's bin (ogen, oapi-codegen), or on PATH. */
export const goTool = (name: string): string | undefined => findCommand(name, go ? [goBin()] : []);

/**
 * generators/<target>/smoke and the client (the folder `client` of the step `generated`, copied
 * to `into`, where the program's go.mod or imports look for it), built by `go build` in the kept
 * step `build` of `target`, then vetted with `vet` (packages to `go vet`, none by default).
 * Returns the program's path.
 */
export function goSmokeBuild(target: string, generated: Kept, client: string, into: string, vet: string[] = []): string {
  const smoke = join(generatorsDir, target, "smoke");
  const goVersion = run(go as string, ["version"]).trim();
  const built = keep(target, "build", { paths: [smoke, fileURLToPath(import.meta.url)], values: [goVersion, ...vet], after: [generated] }, (dir) => {
    cpSync(smoke, dir, { recursive: true });
    cpSync(join(generated.dir, client), join(dir, into), { recursive: true });
    return run(go as string, ["build", "-o", "smoke", "."], { cwd: dir }) + (vet.length > 0 ? run(go as string, ["vet", ...vet], { cwd: dir }) : "");
  });
  return join(built.dir, "smoke");
}
