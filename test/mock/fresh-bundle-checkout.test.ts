// What `npm start` checks and does in this checkout: openapi/ against generated/, and when they
// differ, a line saying so and `npm run generate`'s own code (replaced here by a stand-in, so that
// the test rewrites nothing).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkout, ensureFreshBundle } from "../../mock/node/fresh-bundle.ts";
import { generate } from "../../scripts/generate.ts";
import { projectRoot } from "../../scripts/redocly.ts";
import { digestFileName, sourceDigest } from "../../scripts/source-digest.ts";

vi.mock("../../scripts/generate.ts", () => ({ generate: vi.fn(async () => {}) }));
afterEach(() => {
  vi.restoreAllMocks();
});

const fresh = (() => {
  try {
    return readFileSync(join(projectRoot, "generated", digestFileName), "utf8").trim() === sourceDigest();
  } catch {
    return false;
  }
})();

describe("npm start's check of this checkout", () => {
  it("compares this checkout's openapi/ with its generated/", () => {
    expect(checkout).toMatchObject({ sourceDir: join(projectRoot, "openapi"), generatedDir: join(projectRoot, "generated") });
  });

  // Skipped in a checkout whose generated/ is stale (CI fails that with check:generated).
  it.runIf(fresh)("finds generated/ fresh, and rebuilds nothing", async () => {
    expect(await ensureFreshBundle()).toBe(false);
    expect(generate).not.toHaveBeenCalled();
  });

  it("when openapi/ changed, says so and runs npm run generate's code", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await checkout.regenerate();
    expect(log).toHaveBeenCalledWith("openapi/ changed since generated/ was written: regenerating it (npm run generate)…");
    expect(generate).toHaveBeenCalledTimes(1);
  });
});
