// The PHP client from OpenAPI Generator's php (Guzzle 7), at its default settings: generated from
// the 3.1 bundle with no warning but those generators/WARNINGS.md explains, every file compiled
// (php -l), and run against the mock and against the drift server with every PHP notice on.
// Generated and compiled once per set of inputs (cache.ts). PHP, its extensions and Guzzle come
// from Debian's packages (.ci/run installs them): composer would fetch Guzzle from Packagist.
import { copyFileSync, existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { cached, type Cached } from "./cache.ts";
import { openApiGeneratorInputs, openApiGeneratorTools, runGenerator, unexplained } from "./openapi-generator.ts";
import {
  expectComponentModels, expectedDriftOutput, expectedSmokeOutput, findCommand, generatorsDir, lines, missingLanguageTools, projectTextIn, run, smokeEnv,
} from "./support.ts";

const own = join(generatorsDir, "php");
const php = findCommand("php");
const guzzle = "/usr/share/php/GuzzleHttp/autoload.php";
const missing = missingLanguageTools(
  "PHP (OpenAPI Generator)",
  { php, "Guzzle (php-guzzlehttp-guzzle)": existsSync(guzzle) ? guzzle : undefined, ...openApiGeneratorTools },
  "apt-get install php-cli php-curl php-mbstring php-guzzlehttp-guzzle, bash generators/java/install.sh (the generator)",
);

/** Every .php file under `dir`. */
const phpFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? phpFiles(path) : entry.name.endsWith(".php") ? [path] : [];
  });

describe.skipIf(missing !== undefined)("PHP (OpenAPI Generator, php)", () => {
  // Opened in beforeAll, not here: a skipped suite must not touch the cache (nor run php).
  let cache: Cached;
  let client: string;
  beforeAll(() => {
    const phpVersion = run(php as string, ["--version"]).split("\n")[0] ?? "";
    cache = cached("php", { paths: [...openApiGeneratorInputs.paths, own, fileURLToPath(import.meta.url)], strings: [...openApiGeneratorInputs.strings, phpVersion] });
    client = join(cache.dir, "clients/php");
  });

  const generate = () =>
    cache.step("generate", () => {
      rmSync(client, { recursive: true, force: true });
      return runGenerator("php", client, join(own, "config.yaml"));
    });
  /** The smoke program beside the client, every file of both compiled: its path. */
  const build = (): string => {
    generate();
    cache.step("lint", () => {
      copyFileSync(join(own, "smoke.php"), join(cache.dir, "smoke.php"));
      return [join(cache.dir, "smoke.php"), ...phpFiles(join(client, "lib"))].map((file) => run(php as string, ["-l", file])).join("");
    });
    return join(cache.dir, "smoke.php");
  };
  // Every notice, deprecation and warning on, and shown: any would be a line the test does not expect.
  const smoke = (baseUrl: string) => lines(run(php as string, ["-d", "error_reporting=-1", "-d", "display_errors=stderr", build()], { env: smokeEnv(baseUrl) }));

  it("generates the client from the 3.1 bundle with no unexplained warning, with the description's model names", () => {
    expect(unexplained("php", generate())).toEqual([]);
    const models = readdirSync(join(client, "lib/Model"))
      .map((file) => file.replace(/\.php$/, ""))
      .filter((name) => name !== "ModelInterface"); // the generator's interface of every model, always written
    expectComponentModels(models);
  });

  it("copies no text about this project into the client", () => {
    generate();
    expect(projectTextIn(client)).toEqual([]);
  });

  it("compiles every file, and runs the smoke program against the mock", () => {
    expect(smoke(inject("mockUrl"))).toEqual(expectedSmokeOutput);
  });

  it("decodes every answer of the drift server: unknown properties and values, integers past 2^31, an HTML 502, a 503 through `default`", () => {
    expect(smoke(inject("driftUrl"))).toEqual(expectedDriftOutput);
  });
});
