// The Python client from openapi-python-client: generated from the 3.1 bundle without a single
// warning, imported, and run against the mock and against the drift server (with the workaround
// generators/WARNINGS.md gives for a body that is not JSON).
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import {
  bundle31, expectComponentModels, expectedDriftOutput, expectedSmokeOutput, findCommand, generatorsDir, lines, missingLanguageTools, projectTextIn, run, scratchDir,
  smokeEnv,
} from "./support.ts";

const generator = findCommand("openapi-python-client");
const python = findCommand("python3");
const missing = missingLanguageTools("Python", { "openapi-python-client": generator, python3: python });

describe.skipIf(missing !== undefined)("Python (openapi-python-client)", () => {
  const scratch = scratchDir("python");
  afterAll(() => scratch.remove());
  const packageDir = join(scratch.path, "amazon_music_albums");
  const smoke = (baseUrl: string) =>
    lines(run(python as string, [join(generatorsDir, "python/smoke.py")], { cwd: scratch.path, env: { ...smokeEnv(baseUrl), PYTHONPATH: scratch.path } }));

  it("generates the client without a warning, with the description's model names", () => {
    const output = run(generator as string, [
      "generate", "--path", bundle31, "--config", join(generatorsDir, "python/config.yaml"), "--meta", "none", "--output-path", packageDir,
    ]);
    // On success it prints only the folder it writes; anything else is a warning about the spec.
    expect(lines(output)).toEqual([`Generating ${packageDir}`]);
    const models = run(python as string, ["-c", "import amazon_music_albums.models as m; print(' '.join(sorted(m.__all__)))"], { cwd: scratch.path });
    // openapi-python-client names an unnamed schema after its operation and status, silently.
    expectComponentModels(models.trim().split(" "));
  });

  it("carries no text about this project, only about the API", () => {
    expect(projectTextIn(packageDir)).toEqual([]);
  });

  it("runs the smoke program against the mock", () => {
    expect(smoke(inject("mockUrl"))).toEqual(expectedSmokeOutput);
  });

  it("decodes every answer of the drift server: unknown properties and values, other ID shapes, a repeated edge", () => {
    expect(smoke(inject("driftUrl"))).toEqual(expectedDriftOutput);
  });
});
