import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { checkSourceRefs } from "./support/source-refs.ts";

const sourceDir = fileURLToPath(new URL("../../openapi", import.meta.url));

describe("the split source in openapi/", () => {
  it("has no broken $ref and no file that nothing reaches", () => {
    expect(checkSourceRefs(join(sourceDir, "openapi.yaml"))).toEqual({ broken: [], unreached: [] });
  });
});

describe("the $ref check itself", () => {
  let copy: string | undefined;
  afterEach(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
    copy = undefined;
  });

  function copyOfSource(): string {
    copy = mkdtempSync(join(tmpdir(), "albums-source-"));
    cpSync(sourceDir, copy, { recursive: true });
    return copy;
  }

  function edit(dir: string, file: string, from: string, to: string): void {
    const path = join(dir, file);
    const text = readFileSync(path, "utf8");
    expect(text).toContain(from);
    writeFileSync(path, text.replace(from, to));
  }

  it("reports a $ref to a file that does not exist", () => {
    const dir = copyOfSource();
    edit(dir, "paths/albums.yaml", "schemas/AlbumsResponse.yaml", "schemas/AlbumsRespone.yaml");
    const report = checkSourceRefs(join(dir, "openapi.yaml"));
    expect(report.broken).toEqual([
      expect.stringMatching(/^paths\/albums\.yaml#\/get\/responses\/200\/.*AlbumsRespone\.yaml names a file that does not exist$/),
    ]);
    // The files the typo cut off are reported too.
    expect(report.unreached).toEqual(["components/schemas/AlbumsData.yaml", "components/schemas/AlbumsResponse.yaml"]);
  });

  it("reports a $ref whose fragment names no node", () => {
    const dir = copyOfSource();
    edit(dir, "openapi.yaml", "$ref: paths/albums.yaml", "$ref: paths/albums.yaml#/got");
    expect(checkSourceRefs(join(dir, "openapi.yaml")).broken).toEqual([
      "openapi.yaml#/paths/~1albums: $ref paths/albums.yaml#/got names a node that does not exist",
    ]);
  });

  it("reports a component file that nothing references", () => {
    const dir = copyOfSource();
    writeFileSync(join(dir, "components/schemas/Orphan.yaml"), "type: string\n");
    expect(checkSourceRefs(join(dir, "openapi.yaml")).unreached).toEqual(["components/schemas/Orphan.yaml"]);
  });
});
