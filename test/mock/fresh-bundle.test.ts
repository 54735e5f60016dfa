// The mock serves the description as openapi/ says it now: generated/ is rebuilt first when the
// source's digest differs from the one generated/ was made from, and only then.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { digestFileName, ensureFreshBundle, projectRoot, sourceDigest } from "../../mock/freshness.mjs";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function copy() {
  const dir = mkdtempSync(join(tmpdir(), "albums-fresh-"));
  dirs.push(dir);
  for (const path of ["openapi", "generated", "mock/realistic.overlay.yaml"]) cpSync(join(projectRoot, path), join(dir, path), { recursive: true });
  let regenerated = 0;
  const where = { root: dir, regenerate: async () => void regenerated++ };
  return { dir, where, regenerated: () => regenerated };
}

describe("the bundle the mock serves", () => {
  it("is the committed one: generated/ records the digest of openapi/ as it is", () => {
    expect(sourceDigest()).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is not rebuilt when openapi/ has not changed", async () => {
    const project = copy();
    expect(await ensureFreshBundle(project.where)).toBe(false);
    expect(project.regenerated()).toBe(0);
  });

  it("is rebuilt when a file of openapi/ changed, was added, when the realistic overlay changed, or when there is no digest", async () => {
    const changed = copy();
    writeFileSync(join(changed.dir, "openapi/components/schemas/Market.yaml"), "type: object\n");
    expect(await ensureFreshBundle(changed.where)).toBe(true);

    const added = copy();
    writeFileSync(join(added.dir, "openapi/components/schemas/New.yaml"), "type: object\n");
    expect(await ensureFreshBundle(added.where)).toBe(true);

    const overlay = copy();
    writeFileSync(join(overlay.dir, "mock/realistic.overlay.yaml"), "overlay: 1.0.0\n");
    expect(await ensureFreshBundle(overlay.where)).toBe(true);

    const none = copy();
    rmSync(join(none.dir, "generated", digestFileName));
    expect(await ensureFreshBundle(none.where)).toBe(true);
    expect([changed.regenerated(), added.regenerated(), overlay.regenerated(), none.regenerated()]).toEqual([1, 1, 1, 1]);
  });

  it("does not depend on line endings", async () => {
    const project = copy();
    const file = join(project.dir, "openapi/openapi.yaml");
    const { readFileSync } = await import("node:fs");
    writeFileSync(file, readFileSync(file, "utf8").replaceAll("\n", "\r\n"));
    expect(await ensureFreshBundle(project.where)).toBe(false);
  });
});
