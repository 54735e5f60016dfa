// The client as a user runs it: src/ compiled by esbuild into one ES2022 module (openapi-fetch
// included), loaded from a temporary directory. The benchmark itself runs under tsx, which
// compiles with keepNames: every closure the client makes would then also be named with a
// defineProperty call, a cost no user pays.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

export type ClientModule = typeof import("../src/index.ts");

export async function builtClient(): Promise<ClientModule> {
  const result = await build({
    entryPoints: [new URL("../src/index.ts", import.meta.url).pathname],
    bundle: true,
    format: "esm",
    target: "es2022",
    platform: "neutral",
    write: false,
  });
  const directory = mkdtempSync(join(tmpdir(), "albums-bench-"));
  try {
    const file = join(directory, "client.mjs");
    writeFileSync(file, result.outputFiles[0]?.text ?? "");
    return (await import(pathToFileURL(file).href)) as ClientModule;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
