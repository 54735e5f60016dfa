// The cache every language test keeps its clients and builds in (cache.ts), in a folder of its
// own: a step is made once for a set of inputs, made again when any input changes (a file, a
// value, a step it is made from) or when what it needs outside the cache is gone, always in the
// same folder, and a run stopped midway leaves nothing that a later run takes for done.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

describe("the cache of generated clients and builds", () => {
  const root = mkdtempSync(join(tmpdir(), "albums-cache-test-"));
  const inputs = join(root, "inputs");
  let cache: typeof import("./cache.ts");
  beforeAll(async () => {
    vi.stubEnv("ALBUMS_CLIENTS_CACHE", join(root, "cache"));
    vi.resetModules();
    cache = await import("./cache.ts");
    mkdirSync(join(inputs, "folder/node_modules"), { recursive: true });
    writeFileSync(join(inputs, "bundle.yaml"), "openapi: 3.1.0\n");
    writeFileSync(join(inputs, "folder/smoke.ts"), "console.log(1);\n");
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(root, { recursive: true, force: true });
  });

  /** A step that counts how often it is made, writing a file into its folder and printing `output`. */
  function counted(output = "printed") {
    const made: string[] = [];
    const make = (dir: string) => {
      made.push(dir);
      writeFileSync(join(dir, "made.txt"), output);
      return output;
    };
    return { made, make };
  }
  const paths = () => [join(inputs, "bundle.yaml"), join(inputs, "folder")];

  it("keeps its folders where ALBUMS_CLIENTS_CACHE says, Cargo's target folder among them", () => {
    expect(cache.cacheRoot).toBe(join(root, "cache"));
    expect(cache.cargoTargetDir).toBe(join(root, "cache/cargo-target"));
  });

  it("makes a step once for a set of inputs, and gives later runs what it printed", () => {
    const step = counted();
    const first = cache.keep("once", "generated", { paths: paths(), values: ["v1"] }, step.make);
    const second = cache.keep("once", "generated", { paths: paths(), values: ["v1"] }, step.make);
    expect(step.made).toHaveLength(1);
    expect([first.made, second.made]).toEqual([true, false]);
    expect(second).toMatchObject({ dir: first.dir, hash: first.hash, output: "printed" });
    expect(first.dir).toBe(join(root, "cache/once/generated"));
  });

  it("makes it again, in the same folder, when a file's content, a value or a step it is made from changes", () => {
    const step = counted();
    let version = "v1";
    const generated = () => cache.keep("changes", "generated", { paths: paths(), values: [version] }, step.make);
    const build = counted();
    const built = () => cache.keep("changes", "build", { after: [generated()] }, build.make);
    const first = built();
    writeFileSync(join(inputs, "folder/smoke.ts"), "console.log(2);\n");
    const second = built();
    expect(step.made).toHaveLength(2);
    expect(build.made).toHaveLength(2);
    expect(second.dir).toBe(first.dir);
    expect(second.hash).not.toBe(first.hash);
    // Another value (a generator's version): the step, and what is made from it.
    version = "v2";
    expect(built().made).toBe(true);
    expect(step.made).toHaveLength(3);
    expect(build.made).toHaveLength(3);
  });

  it("hashes each file by its path too, and leaves out what a build or an install puts in a folder", () => {
    const hash = () => cache.inputHash(paths());
    const before = hash();
    writeFileSync(join(inputs, "folder/node_modules/any.js"), "installed\n");
    mkdirSync(join(inputs, "folder/target"), { recursive: true });
    writeFileSync(join(inputs, "folder/target/build.log"), "built\n");
    expect(hash()).toBe(before);
    renameSync(join(inputs, "folder/smoke.ts"), join(inputs, "folder/program.ts"));
    expect(hash()).not.toBe(before);
    renameSync(join(inputs, "folder/program.ts"), join(inputs, "folder/smoke.ts"));
    expect(hash()).toBe(before);
  });

  it("makes it again when what it needs outside the cache is gone", () => {
    const step = counted();
    const jar = join(root, "dependency.jar");
    writeFileSync(jar, "jar");
    const intact = () => existsSync(jar);
    cache.keep("intact", "build", { paths: paths() }, step.make, intact);
    cache.keep("intact", "build", { paths: paths() }, step.make, intact);
    rmSync(jar);
    cache.keep("intact", "build", { paths: paths() }, step.make, intact);
    expect(step.made).toHaveLength(2);
  });

  it("leaves nothing that looks done when a step stops midway, and starts the next one from an empty folder", () => {
    const stamp = join(root, "cache/stopped/build/.inputs");
    expect(() =>
      cache.keep("stopped", "build", { paths: paths() }, (dir) => {
        writeFileSync(join(dir, "half-written.o"), "");
        // The stamp comes last: while the step is being made, it is not there.
        expect(existsSync(stamp)).toBe(false);
        throw new Error("killed");
      }),
    ).toThrow("killed");
    expect(existsSync(stamp)).toBe(false);
    const step = counted();
    const kept = cache.keep("stopped", "build", { paths: paths() }, step.make);
    expect(step.made).toHaveLength(1);
    expect(readdirSync(kept.dir).sort()).toEqual([".inputs", ".output", "made.txt"]);
    // A stamp of other inputs (a run that stopped after an older stamp) is no better.
    writeFileSync(stamp, "0".repeat(32));
    expect(cache.keep("stopped", "build", { paths: paths() }, step.make).made).toBe(true);
  });
});
