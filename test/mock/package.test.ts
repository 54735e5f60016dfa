// The mock's package, as a team installs it into a project of its own: packed from this
// repository (its prepack builds it), installed from the tarball with our client's, MSW and
// vitest. Its command serves albums; startMock() starts and stops on a free port, from a state
// file, resets, and keeps the libraries across a restart with persist; the README's set-up and
// tests (vitest's globalSetup, MSW) run as written, and type-check in strict TypeScript.
import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../scripts/redocly.ts";
import { processBudgetMs, toolBudgetMs } from "../support/budgets.ts";

const work = mkdtempSync(join(tmpdir(), "albums-mock-package-"));
const app = join(work, "app");
// An installed project (its node_modules) can take more than 10 s to remove on a busy machine.
afterAll(() => rmSync(work, { recursive: true, force: true }), toolBudgetMs);

// npm run sets npm_config_* (the repository as local prefix among them): left in, they would make
// the new project's install act on the repository.
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("npm_") || ["npm_config_cache", "npm_config_registry", "npm_config_userconfig"].includes(key))),
  NO_COLOR: "1",
};
/** Runs a command; when it fails, the error says what it printed. */
function run(command: string, args: string[], cwd: string, timeout = toolBudgetMs): string {
  try {
    return execFileSync(command, args, { cwd, env, encoding: "utf8", timeout, stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(" ")} failed:\n${stdout}${stderr}`);
  }
}
const manifest = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { version: string; devDependencies: Record<string, string> } & Record<string, unknown>;
const pinned = (name: string) => `${name}@${manifest.devDependencies[name]}`;

/**
 * Our client as a tarball, built into a folder of its own (the package's build configuration, its
 * manifest without scripts): packing the repository itself would rebuild dist/ under other tests.
 */
function packClient(into: string): string {
  const dir = join(work, "client");
  run(process.execPath, [join(projectRoot, "node_modules/typescript/bin/tsc"), "-p", join(projectRoot, "tsconfig.build.json"), "--outDir", join(dir, "dist")], projectRoot);
  mkdirSync(join(dir, "generated"));
  cpSync(join(projectRoot, "generated/openapi.json"), join(dir, "generated/openapi.json"));
  const { scripts: _scripts, devDependencies: _dev, workspaces: _workspaces, ...rest } = manifest;
  writeFileSync(join(dir, "package.json"), JSON.stringify({ ...rest, files: ["dist/src", "dist/generated", "generated"] }));
  run("npm", ["pack", "--pack-destination", into], dir);
  return join(into, readdirSync(into).find((file) => file.startsWith("amazon-music-albums-v1-") && !file.includes("mock")) as string);
}

/** The README's code blocks marked `<!-- mock-package: <path> -->`, by path. */
function readmeFiles(): Record<string, string> {
  const readme = readFileSync(join(projectRoot, "README.md"), "utf8");
  return Object.fromEntries([...readme.matchAll(/<!-- mock-package: (\S+) -->\n```ts\n([^`]*)```/g)].map((match) => [match[1] as string, match[2] as string]));
}

/** The command, started, its banner read: its URL, what it printed, and how to stop it. */
async function command(args: string[], extraEnv: Record<string, string> = {}) {
  const child = spawn(join(app, "node_modules/.bin/amazon-music-albums-mock"), args, { cwd: app, env: { ...env, ...extraEnv }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const exited = once(child, "exit");
  while (!/Ctrl-C stops it/.test(output)) {
    await Promise.race([once(child.stdout, "data"), exited.then(() => Promise.reject(new Error(`the command exited:\n${output}`)))]);
  }
  return {
    url: /(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] as string,
    output: () => output,
    async stop() {
      child.kill("SIGTERM");
      return ((await exited) as [number | null])[0];
    },
  };
}

const headers = { "x-api-key": "amzn1.application.package", authorization: "Bearer package-user" };

describe("the mock's package, installed from its tarball into a new project", () => {
  beforeAll(() => {
    const pack = join(work, "pack");
    mkdirSync(pack);
    run("npm", ["pack", "--workspace", "mock", "--pack-destination", pack], projectRoot);
    const mockTarball = join(pack, readdirSync(pack).find((file) => file.startsWith("amazon-music-albums-v1-mock-")) as string);
    const clientTarball = packClient(pack);
    mkdirSync(app);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "albums-mock-user", private: true, type: "module" }));
    // From the npm cache that installing this repository filled, at the versions it pins.
    run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", mockTarball, clientTarball, pinned("msw"), pinned("vitest"), pinned("typescript"), pinned("@types/node")], app, 2 * toolBudgetMs);
  }, 4 * toolBudgetMs);

  it("installs nothing of its own beyond itself: every dependency it runs is bundled", () => {
    const installed = JSON.parse(readFileSync(join(app, "node_modules/amazon-music-albums-v1-mock/package.json"), "utf8")) as Record<string, unknown>;
    expect(installed.dependencies).toBeUndefined();
    expect(installed.version).toBe(manifest.version);
    expect(readdirSync(join(app, "node_modules/amazon-music-albums-v1-mock/dist"))).toEqual(expect.arrayContaining(["cli.mjs", "index.mjs", "msw.mjs", "prism-worker.mjs"]));
  });

  it("its command serves albums on the port it is given, says so, and stops on SIGTERM", { timeout: processBudgetMs }, async () => {
    const mock = await command(["--port", "0", "--quiet"]);
    expect(mock.output()).toContain("Amazon Music Albums v1 mock: http://127.0.0.1:");
    const response = await fetch(`${mock.url}/albums/B0064UPU4G`, { headers });
    expect(((await response.json()) as { data: { album: { title: string } } }).data.album.title).toBe("Discovery");
    const preferred = await fetch(`${mock.url}/albums/B0064UPU4G`, { headers: { ...headers, prefer: "dynamic=true" } });
    expect(preferred.status).toBe(200);
    expect(await mock.stop()).toBe(0);
    expect(run(join(app, "node_modules/.bin/amazon-music-albums-mock"), ["--help"], app, processBudgetMs)).toMatch(/^Usage: amazon-music-albums-mock \[options\]/);
  });

  it("its command serves without loading what only other uses need: Ajv's compiler (the build's validators are compiled), node:https and node:zlib (--proxy's)", { timeout: processBudgetMs }, async () => {
    const dist = join(app, "node_modules/amazon-music-albums-v1-mock/dist");
    // What the main thread runs to serve: cli.mjs, the chunk it imports to serve, and what they
    // import statically (Prism's worker, which has an Ajv of its own, runs in its own thread). esbuild
    // keys each bundled CommonJS module by its path: `"../node_modules/ajv/dist/compile/index.js"(exports)`.
    const serving = new Set<string>();
    const visit = (file: string, dynamic: RegExp | undefined) => {
      if (serving.has(file)) return;
      serving.add(file);
      const code = readFileSync(join(dist, file), "utf8");
      const imported = [...code.matchAll(/^import (?:[^;]*? from )?"\.\/([^"]+)";?$/gm)].map((match) => match[1] as string);
      for (const next of [...imported, ...(dynamic ? [...code.matchAll(dynamic)].map((match) => match[1] as string) : [])]) visit(next, undefined);
    };
    visit("cli.mjs", /import\("\.\/(serve-[\w-]+\.mjs)"\)/g);
    expect([...serving].some((file) => file.startsWith("serve-"))).toBe(true);
    const withCompiler = [...serving].filter((file) => readFileSync(join(dist, file), "utf8").includes('node_modules/ajv/dist/compile/index.js"('));
    expect(withCompiler).toEqual([]);

    // The main thread's built-in modules, as the process exits after a first request (which validates it and its answer).
    const log = join(work, "builtins.log");
    const preload = join(work, "builtins.mjs");
    writeFileSync(
      preload,
      `import { appendFileSync } from "node:fs";
process.on("exit", () => appendFileSync(${JSON.stringify(log)}, process.moduleLoadList.filter((name) => name.startsWith("NativeModule ")).map((name) => name.slice(13) + "\\n").join("")));
`,
    );
    const mock = await command(["--port", "0", "--quiet"], { NODE_OPTIONS: `--import=${pathToFileURL(preload).href}` });
    expect((await fetch(`${mock.url}/albums/B0064UPU4G`, { headers })).status).toBe(200);
    expect(await mock.stop()).toBe(0);
    const builtins = readFileSync(log, "utf8").trim().split("\n");
    expect(builtins).toContain("http");
    expect(builtins.filter((name) => name === "https" || name === "zlib")).toEqual([]);
  });

  it("startMock() starts and stops on a free port; a state file seeds a library, reset empties it, persist survives a restart", { timeout: processBudgetMs }, () => {
    writeFileSync(join(app, "libraries.json"), JSON.stringify({ users: { "package-user": ["B00D3PLC1K"] } }));
    writeFileSync(
      join(app, "state.mjs"),
      `import { startMock } from "amazon-music-albums-v1-mock";
const headers = ${JSON.stringify(headers)};
const library = async (url) => (await (await fetch(url + "/me/library/albums", { headers })).json()).data.user.libraryAlbums.edges.map((e) => e.node.id);
const first = await startMock({ state: "libraries.json", persist: true });
const seeded = await library(first.url);
first.reset("package-user");
const reset = await library(first.url);
await fetch(first.url + "/me/library/albums/B0064UPU4G", { method: "PUT", headers });
await first.close();
const second = await startMock({ state: "libraries.json" });
const restarted = await library(second.url);
const port = new URL(second.url).port;
await second.close();
console.log(JSON.stringify({ seeded, reset, restarted, freePort: port !== "4010" }));
`,
    );
    expect(JSON.parse(run(process.execPath, ["state.mjs"], app, processBudgetMs))).toEqual({ seeded: ["B00D3PLC1K"], reset: [], restarted: ["B0064UPU4G"], freePort: true });
  });

  it("the README's vitest set-up and tests, MSW's included, run as written, and type-check in strict TypeScript", { timeout: toolBudgetMs }, () => {
    const files = readmeFiles();
    expect(Object.keys(files)).toEqual(["test/albums-mock.setup.ts", "test/library.test.ts", "test/msw.test.ts"]);
    for (const [path, code] of Object.entries(files)) {
      mkdirSync(dirname(join(app, path)), { recursive: true });
      writeFileSync(join(app, path), code);
    }
    // The configuration the set-up's first line gives.
    const config = /^\/\/ vitest\.config\.ts: (.+)$/m.exec(files["test/albums-mock.setup.ts"] ?? "")?.[1] ?? "";
    writeFileSync(join(app, "vitest.config.ts"), `import { defineConfig } from "vitest/config";\n${config}\n`);
    const output = run(join(app, "node_modules/.bin/vitest"), ["run", "--reporter=dot"], app);
    expect(output).toMatch(/Tests {2}2 passed \(2\)/);
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { strict: true, module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", noEmit: true, types: ["node"], skipLibCheck: false }, include: ["test", "vitest.config.ts"] }),
    );
    run(join(app, "node_modules/.bin/tsc"), ["-p", "tsconfig.json"], app);
  });
});
