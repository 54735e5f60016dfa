// @ts-check
// Builds the mock into mock/dist with esbuild: its command (cli.mjs), its programmatic start
// (index.mjs), its MSW handlers (msw.mjs) and Prism's worker (prism-worker.mjs), each with every
// dependency it runs bundled in, so that the package installs nothing more and Node.js starts it
// from a few files instead of resolving thousands. Shared code goes into chunks, loaded when used:
// `--help` loads the command line's code alone. The licences of what is bundled are kept in
// dist/*.LEGAL.txt. Plain JavaScript: `npm start` (mock/start.mjs) runs it without a loader.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const mockDir = fileURLToPath(new URL(".", import.meta.url));
export const distDir = join(mockDir, "dist");

/** Where the build writes the digest of what it was built from (mock/freshness.mjs compares it). */
export const buildDigestFile = join(distDir, "build.sha256");

/** Prism's `require("@faker-js/faker")`, answered with node/faker-en.cjs (see there). @type {import("esbuild").Plugin} */
const englishFakerOnly = {
  name: "english-faker-only",
  setup(build) {
    build.onResolve({ filter: /^@faker-js\/faker$/ }, () => ({ path: join(mockDir, "node/faker-en.cjs") }));
  },
};

/**
 * node/validators.ts, answered with Ajv's standalone module of every validator of the description
 * the mock ships (node/precompile.ts): a first request then compiles nothing. The module that
 * makes it is TypeScript: bundled for this build's own use first.
 * @returns {Promise<import("esbuild").Plugin>}
 */
async function precompiledValidators() {
  const { build: esbuild } = await import("esbuild");
  const script = join(distDir, "precompile.mjs");
  await esbuild({ entryPoints: [join(mockDir, "node/precompile-main.ts")], outfile: script, bundle: true, format: "esm", platform: "node", logLevel: "error", banner: { js: 'import { createRequire as __mockRequire } from "node:module"; const require = __mockRequire(import.meta.url);' } });
  /** @type {{ precompiledModule(): string }} */
  const made = await import(pathToFileURL(script).href);
  const code = made.precompiledModule();
  rmSync(script);
  const stub = join(mockDir, "node/validators.ts");
  return {
    name: "precompiled-validators",
    setup(build) {
      build.onLoad({ filter: /[\\/]node[\\/]validators\.ts$/ }, (args) => (args.path === stub ? { contents: code, loader: "js", resolveDir: mockDir } : undefined));
    },
  };
}

/**
 * @param {{ digest?: string; quiet?: boolean; declarations?: boolean }} [options] `digest`: recorded once the
 * build is whole; `declarations`: the types too, for the package (`npm start` needs none).
 */
export async function build(options = {}) {
  const { build: esbuild } = await import("esbuild");
  rmSync(distDir, { recursive: true, force: true });
  const validators = await precompiledValidators();
  await esbuild({
    entryPoints: {
      cli: join(mockDir, "node/cli.ts"),
      index: join(mockDir, "index.ts"),
      msw: join(mockDir, "msw.ts"),
      "prism-worker": join(mockDir, "node/prism-worker.mjs"),
    },
    outdir: distDir,
    // .mjs, the worker's name in prism.ts too: ESM wherever the files are put.
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20.19",
    // One folder: the worker is found next to the chunk that starts it (prism.ts: ./prism-worker.mjs).
    entryNames: "[name]",
    chunkNames: "[name]-[hash]",
    // ESM modules of the packages that have them (jsonc-parser's CommonJS build requires its parts dynamically).
    mainFields: ["module", "main"],
    // CommonJS dependencies bundled into ESM still call require() for Node's own modules.
    banner: { js: 'import { createRequire as __mockRequire } from "node:module"; const require = __mockRequire(import.meta.url);' },
    // MSW is the user's own (a peer dependency), and so must be the one their tests use.
    external: ["msw", "msw/*"],
    legalComments: "external",
    plugins: [englishFakerOnly, validators],
    logLevel: options.quiet ? "error" : "warning",
    minifySyntax: true,
    sourcemap: false,
  });
  if (options.declarations) declarations();
  if (options.digest) writeFileSync(buildDigestFile, `${options.digest}\n`);
}

/**
 * The package's declarations, by tsc from the same sources (mock/tsconfig.types.json), into
 * dist/types. They import each other as .js, which resolves to the .d.ts beside it wherever the
 * package is installed (the sources say .ts, for Node's and tsx's sake).
 */
function declarations() {
  const tsc = join(mockDir, "..", "node_modules/typescript/bin/tsc");
  const run = spawnSync(process.execPath, [tsc, "-p", join(mockDir, "tsconfig.types.json")], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`tsc could not write the mock's declarations:\n${run.stdout}${run.stderr}`);
  for (const entry of readdirSync(join(distDir, "types"), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".d.ts")) continue;
    const file = join(entry.parentPath, entry.name);
    writeFileSync(file, readFileSync(file, "utf8").replaceAll(/(from "\.{1,2}\/[^"]*)\.ts"/g, '$1.js"'));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await build({ declarations: process.argv.includes("--declarations") });
  console.log(`Built the mock into ${distDir}`);
}
