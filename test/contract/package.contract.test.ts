// The package as a user gets it: `npm pack` (whose prepack builds it), installed from the tarball
// into a new project, imported by the name the docs' samples use, from plain JavaScript and from
// TypeScript checked by `tsc` the strict way, then run against the mock.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { projectRoot } from "../../scripts/redocly.ts";
import { examplesOf } from "./support.ts";
import { processBudgetMs, toolBudgetMs } from "../support/budgets.ts";

/** The name every TypeScript sample (README, docs) imports the client by. */
const packageName = "amazon-music-albums-v1";
const manifest = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as {
  name: string;
  devDependencies: Record<string, string>;
};

const work = mkdtempSync(join(tmpdir(), "albums-package-"));
const app = join(work, "app");
// An installed project (its node_modules) can take more than 10 s to remove on a busy machine.
afterAll(() => rmSync(work, { recursive: true, force: true }), toolBudgetMs);

// npm run sets npm_config_* (the repository as local prefix among them): left in, they would
// make the new project's install act on the repository.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !key.startsWith("npm_") || ["npm_config_cache", "npm_config_registry", "npm_config_userconfig"].includes(key)),
);
const run = (command: string, args: string[], cwd: string) => execFileSync(command, args, { cwd, env, encoding: "utf8", timeout: toolBudgetMs, stdio: ["ignore", "pipe", "pipe"] });

const baseUrl = inject("mockUrl");
const notFound = examplesOf("getAlbum", "404")[0]?.value.error as { code: string };
/** What both programs print: the album, the library's page after a save, and the 404 they asked for, typed. */
const expected = { title: "Discovery", ids: ["B00D3PLC1K"], error: ["AlbumsApiError", 404, notFound.code] };

const program = (imports: string) => `${imports}
const albums = createAlbumsClient({ apiKey: "amzn1.application.package-test", accessToken: () => "package-test-token", baseUrl: ${JSON.stringify(baseUrl)} });
const album = await albums.getAlbum("B0064UPU4G");
await albums.saveLibraryAlbum("B00D3PLC1K");
const page = await albums.getLibraryAlbums({ limit: 20 });
const error = await albums.getAlbum("B0064UPU4G", { headers: { Prefer: "code=404" } }).catch((e: unknown) => e);
console.log(JSON.stringify({
  title: album.title,
  ids: page.edges.map((edge) => edge.node.id),
  error: error instanceof AlbumsApiError ? [error.name, error.status, error.code] : String(error),
}));
`;

describe(`the packed ${packageName}, installed in a new project`, () => {
  beforeAll(() => {
    // Without a previous build, the tarball's dist/ can only come from prepack.
    for (const built of ["dist/src", "dist/generated"]) rmSync(join(projectRoot, built), { recursive: true, force: true });
    mkdirSync(join(work, "pack"));
    run("npm", ["pack", "--pack-destination", join(work, "pack")], projectRoot);
    const tarball = readdirSync(join(work, "pack")).find((file) => file.endsWith(".tgz"));
    if (!tarball) throw new Error("npm pack wrote no tarball");

    mkdirSync(app);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "albums-package-user", private: true, type: "module" }));
    // From the npm cache that installing this repository filled: openapi-fetch (the client's one
    // dependency) and the TypeScript the user compiles with, at the versions this repository pins.
    const versionOf = (name: string) => `${name}@${manifest.devDependencies[name]}`;
    run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", join(work, "pack", tarball), versionOf("typescript"), versionOf("@types/node")], app);
  }, 2 * toolBudgetMs);

  it(`is named ${packageName}, the name the samples import`, () => {
    expect(manifest.name).toBe(packageName);
    expect(JSON.parse(readFileSync(join(app, "node_modules", packageName, "package.json"), "utf8")).dependencies).toEqual({ "openapi-fetch": expect.any(String) });
  });

  it("works from a plain .mjs file, and exports the description", { timeout: processBudgetMs }, () => {
    const source = program(`import { AlbumsApiError, createAlbumsClient } from "${packageName}";`).replace("(e: unknown)", "(e)");
    writeFileSync(join(app, "plain.mjs"), source);
    expect(JSON.parse(run(process.execPath, ["plain.mjs"], app))).toEqual(expected);

    writeFileSync(join(app, "description.mjs"), `import { createRequire } from "node:module";\nconsole.log(createRequire(import.meta.url)("${packageName}/openapi.json").openapi);`);
    expect(run(process.execPath, ["description.mjs"], app).trim()).toBe("3.1.0");
  });

  // tsc takes seconds, more on a busy machine.
  it("type-checks in strict TypeScript (NodeNext, declarations checked too), and works compiled", { timeout: toolBudgetMs }, () => {
    const source = program(`import { AlbumsApiError, createAlbumsClient, type Album, type LibraryAlbumEdge } from "${packageName}";`)
      .replace("const album =", "const album: Album =")
      // The declarations must be the client's, not `any`: this line must not compile.
      .replace("const page =", `// @ts-expect-error: an album ID is a string\nawait albums.getAlbum(42).catch(() => undefined);\nconst page: { edges: LibraryAlbumEdge[] } =`);
    writeFileSync(join(app, "typed.ts"), source);
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { target: "ES2022", lib: ["ES2022"], types: ["node"], module: "NodeNext", moduleResolution: "NodeNext", strict: true, skipLibCheck: false, outDir: "out" },
        files: ["typed.ts"],
      }),
    );
    const tsc = join(app, "node_modules/typescript/bin/tsc");
    const compiled = (() => {
      try {
        return run(process.execPath, [tsc, "-p", "."], app);
      } catch (error) {
        return String((error as { stdout?: string }).stdout ?? error);
      }
    })();
    expect(compiled).toBe("");
    expect(JSON.parse(run(process.execPath, ["out/typed.js"], app))).toEqual(expected);
  });
});
