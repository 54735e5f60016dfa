// The client must run wherever fetch exists (browsers, Deno, Bun, workers): nothing in src/
// may need Node.js.
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { describe, expect, it } from "vitest";

const srcDir = new URL("../../src/", import.meta.url);
const files = readdirSync(srcDir).filter((file) => file.endsWith(".ts"));
const nodeOnly = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

describe("src/", () => {
  it.each(files)("%s imports nothing of Node.js and uses no Node.js global", (file) => {
    const source = readFileSync(new URL(file, srcDir), "utf8");
    const imported = [...source.matchAll(/\bfrom\s+["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']/g)].map((m) => m[1] ?? m[2]);
    expect(imported.filter((specifier) => nodeOnly.has(String(specifier)))).toEqual([]);
    expect(source).not.toMatch(/\b(?:process|Buffer|__dirname|require)\s*[.(]/);
  });
});
