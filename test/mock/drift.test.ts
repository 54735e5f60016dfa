// The proxy's drift log (mock/node/drift.ts) on its own: how sightings are grouped and counted,
// the line logged for each, what of a value the report may show (a new value of an open set as
// itself, anything that could be personal by its shape only), the report file (JSON lines, one
// per finding, written whole), and which file of openapi/ each finding points to. Through the
// proxy, against local upstreams: proxy.test.ts and proxy-forwarding.test.ts.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { publishedDocument } from "../../mock/documents.ts";
import { createDriftLog, shapeOf, sourceOf, type Sighting } from "../../mock/node/drift.ts";
import { readReport } from "../../scripts/drift-report.ts";
import { mockStartBudgetMs } from "../support/budgets.ts";

const dir = mkdtempSync(join(tmpdir(), "albums-drift-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const at = { kind: "response", operationId: "getAlbum", method: "GET", template: "/albums/{id}", status: 200 } as const;
const sighting = (more: Partial<Sighting>): Sighting => ({ ...at, where: "body", pointer: "/data/album/title", expected: "must be string", ...more });

/** What one sighting is logged as and reported as. */
function logged(one: Sighting): { line: string | undefined; seen: string | undefined } {
  const lines: string[] = [];
  const log = createDriftLog({ document: publishedDocument, log: (line) => lines.push(line) });
  log.add(one);
  return { line: lines[0], seen: log.findings()[0]?.seen };
}

describe("the drift log", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("groups identical sightings into one finding with a count, first and last seen; any difference is another finding", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const log = createDriftLog({ document: publishedDocument });
    vi.setSystemTime(new Date("2026-01-01T10:00:00.000Z"));
    log.add(sighting({}));
    vi.setSystemTime(new Date("2026-01-01T10:05:00.000Z"));
    log.add(sighting({}));
    vi.setSystemTime(new Date("2026-01-01T10:09:00.000Z"));
    log.add(sighting({}));
    log.add(sighting({ pointer: "/data/album/url" }));
    log.add(sighting({ kind: "note" }));
    log.add(sighting({ status: 404 }));
    log.add(sighting({ value: 42, keyword: "type" }));
    expect(log.findings()).toEqual([
      { kind: "response", operation: "getAlbum", method: "GET", path: "/albums/{id}", status: 200, where: "body", pointer: "/data/album/title", expected: "must be string", source: "openapi/components/schemas/Album.yaml", count: 3, first: "2026-01-01T10:00:00.000Z", last: "2026-01-01T10:09:00.000Z" },
      { kind: "response", operation: "getAlbum", method: "GET", path: "/albums/{id}", status: 200, where: "body", pointer: "/data/album/url", expected: "must be string", source: "openapi/components/schemas/Album.yaml", count: 1, first: "2026-01-01T10:09:00.000Z", last: "2026-01-01T10:09:00.000Z" },
      { kind: "note", operation: "getAlbum", method: "GET", path: "/albums/{id}", status: 200, where: "body", pointer: "/data/album/title", expected: "must be string", source: "openapi/components/schemas/Album.yaml", count: 1, first: "2026-01-01T10:09:00.000Z", last: "2026-01-01T10:09:00.000Z" },
      // 404 is the NotFound response, whose body is the error envelope: no /data there.
      { kind: "response", operation: "getAlbum", method: "GET", path: "/albums/{id}", status: 404, where: "body", pointer: "/data/album/title", expected: "must be string", source: "openapi/components/schemas/ErrorResponse.yaml", count: 1, first: "2026-01-01T10:09:00.000Z", last: "2026-01-01T10:09:00.000Z" },
      { kind: "response", operation: "getAlbum", method: "GET", path: "/albums/{id}", status: 200, where: "body", pointer: "/data/album/title", expected: "must be string", seen: "number", source: "openapi/components/schemas/Album.yaml", count: 1, first: "2026-01-01T10:09:00.000Z", last: "2026-01-01T10:09:00.000Z" },
    ]);
  });

  it("logs each sighting on one line: drift or note, the request, where, what was expected and what was seen", () => {
    expect(logged(sighting({ value: "GOLD", keyword: "enum", expected: "must be equal to one of the allowed values", pointer: "/data/album/audioQualities/0" })).line).toBe(
      "drift (response): getAlbum GET /albums/{id} 200 /data/album/audioQualities/0: must be equal to one of the allowed values (seen: GOLD)",
    );
    expect(logged(sighting({ kind: "note" })).line).toBe("note: getAlbum GET /albums/{id} 200 /data/album/title: must be string");
    // A request has no status yet; its problem in the headers is named by its part.
    expect(logged({ kind: "request", operationId: "getAlbum", method: "GET", template: "/albums/{id}", status: undefined, where: "request", pointer: "/headers", expected: "The x-api-key header is missing." }).line).toBe(
      "drift (request): getAlbum GET /albums/{id} /headers: The x-api-key header is missing.",
    );
    // A problem of the whole body, or of the status, has no pointer.
    expect(logged(sighting({ pointer: "", expected: "must be object" })).line).toBe("drift (response): getAlbum GET /albums/{id} 200 /: must be object");
    expect(logged(sighting({ where: "status", pointer: "", expected: "599 is not a response of getAlbum" })).line).toBe("drift (response): getAlbum GET /albums/{id} 200 status: 599 is not a response of getAlbum");
  });

  it("shows a new value of an open set as itself (cut at 40 characters), anything else by its shape or its type", () => {
    const enumAt = (pointer: string, value: unknown) => logged(sighting({ pointer, value, keyword: "enum" })).seen;
    expect(enumAt("/data/album/audioQualities/1", "DOLBY_ATMOS")).toBe("DOLBY_ATMOS");
    expect(enumAt("/data/album/audioQualities/1", "A".repeat(40))).toBe("A".repeat(40));
    expect(enumAt("/data/album/audioQualities/1", `${"B".repeat(40)}C`)).toBe(`${"B".repeat(40)}…`);
    // Not a value of an open set: its shape.
    expect(logged(sighting({ value: "Discovery 2", keyword: "pattern" })).seen).toBe("Aaaaaaaaa 9");
    // Where a value could identify a user or a session, even a value of an open set is shown by its shape.
    for (const pointer of ["/data/token", "/data/page/cursor", "/data/user/libraryAlbums/edges/0/objectId", "authorization", "x-api-key", "/headers", "/data/user/id"]) {
      expect(enumAt(pointer, "amzn1.account.AF3X")).toBe("aaaa9.aaaaaaa.AA9A");
    }
    // An ID elsewhere is not personal.
    expect(enumAt("/data/album/id", "B0064UPU4G")).toBe("B0064UPU4G");
    expect(enumAt("/data/user/idea", "Idea")).toBe("Idea");
    // Values that are not text: their type only.
    expect(logged(sighting({ value: null })).seen).toBe("null");
    expect(logged(sighting({ value: ["x"] })).seen).toBe("an array");
    expect(logged(sighting({ value: { token: "x" } })).seen).toBe("an object");
    expect(logged(sighting({ value: 9999 })).seen).toBe("number");
    expect(logged(sighting({ value: false })).seen).toBe("boolean");
    // No value: nothing shown, and no "seen" in the report.
    expect(logged(sighting({})).line).not.toContain("seen");
    const log = createDriftLog({ document: publishedDocument });
    log.add(sighting({}));
    expect(log.findings()[0]).not.toHaveProperty("seen");
  });

  it("shapes text: letters as a or A, digits as 9, the rest as it is, cut at 60", () => {
    expect(shapeOf("az AZ 09 -_.:~é")).toBe("aa AA 99 -_.:~é");
    expect(shapeOf("`{@[/:")).toBe("`{@[/:");
    expect(shapeOf("x".repeat(60))).toBe("a".repeat(60));
    expect(shapeOf("x".repeat(61))).toBe(`${"a".repeat(60)}…`);
    expect(shapeOf("")).toBe("");
  });

  it("writes the report as JSON lines, one per finding, when it is flushed: nothing but the report in its folder", () => {
    const report = join(dir, "flushed.jsonl");
    const log = createDriftLog({ document: publishedDocument, report });
    log.flush();
    // No finding: an empty report, which says the upstream kept to the description.
    expect(readFileSync(report, "utf8")).toBe("");
    log.add(sighting({}));
    log.add(sighting({}));
    log.add(sighting({ pointer: "/data/album/url" }));
    log.flush();
    const text = readFileSync(report, "utf8");
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.split("\n")).toHaveLength(3);
    expect(readReport(text).map(({ pointer, count }) => ({ pointer, count }))).toEqual([
      { pointer: "/data/album/title", count: 2 },
      { pointer: "/data/album/url", count: 1 },
    ]);
    expect(readdirSync(dir).filter((name) => name.startsWith("flushed"))).toEqual(["flushed.jsonl"]);
  });

  it("writes the report as findings come, without waiting for the proxy to stop", async () => {
    const report = join(dir, "as-they-come.jsonl");
    const log = createDriftLog({ document: publishedDocument, report });
    log.add(sighting({}));
    await vi.waitFor(() => expect(readReport(readFileSync(report, "utf8"))).toHaveLength(1), { timeout: mockStartBudgetMs, interval: 50 });
    log.add(sighting({}));
    log.add(sighting({ pointer: "/data/album/url" }));
    await vi.waitFor(() => expect(readReport(readFileSync(report, "utf8")).map(({ count }) => count)).toEqual([2, 1]), { timeout: mockStartBudgetMs, interval: 50 });
  });

  it("writes no file without a report", () => {
    const log = createDriftLog({ document: publishedDocument });
    log.add(sighting({}));
    log.flush();
    expect(log.findings()).toHaveLength(1);
  });
});

describe("the file of openapi/ a finding points to", () => {
  const source = (more: Partial<Parameters<typeof sourceOf>[1]>) => sourceOf(publishedDocument, { ...at, where: "body", pointer: "", ...more });

  it("the schema component the body's pointer ends in, down arrays, objects and references", () => {
    expect(source({})).toBe("openapi/components/schemas/AlbumResponse.yaml");
    expect(source({ pointer: "/data" })).toBe("openapi/components/schemas/AlbumData.yaml");
    expect(source({ pointer: "/data/album/audioQualities/1" })).toBe("openapi/components/schemas/AudioQuality.yaml");
    // Past what the schema describes, the last component passed through.
    expect(source({ pointer: "/data/album/unknown/deeper" })).toBe("openapi/components/schemas/Album.yaml");
    expect(source({ operationId: "getLibraryAlbums", template: "/me/library/albums", pointer: "/data/user/libraryAlbums/edges/0/node/id" })).toBe("openapi/components/schemas/AlbumReference.yaml");
    // An answer of another status: its response's body.
    expect(source({ status: 404, pointer: "/error/code" })).toBe("openapi/components/schemas/ErrorCode.yaml");
    // A status the operation does not list: the default response.
    expect(source({ status: 599, pointer: "/error" })).toBe("openapi/components/schemas/ErrorDetail.yaml");
  });

  it("the header's component, or the response's file for a header it does not declare", () => {
    expect(source({ status: 429, where: "header", pointer: "retry-after" })).toBe("openapi/components/headers/RetryAfter.yaml");
    expect(source({ status: 429, where: "header", pointer: "x-unknown" })).toBe("openapi/components/responses/TooManyRequests.yaml");
    expect(source({ status: 200, where: "header", pointer: "retry-after" })).toBe("openapi/paths/albums_{id}.yaml");
  });

  it("the parameter's component for a request's query or path, the path's file for anything else of a request or for a status", () => {
    const request = { where: "request" as const, status: undefined };
    expect(source({ ...request, operationId: "getLibraryAlbums", template: "/me/library/albums", pointer: "/query/limit" })).toBe("openapi/components/parameters/Limit.yaml");
    expect(source({ ...request, operationId: "getLibraryAlbums", template: "/me/library/albums", pointer: "/query/cursor/0" })).toBe("openapi/components/parameters/Cursor.yaml");
    // The path item's own parameters count too.
    expect(source({ ...request, pointer: "/path/id" })).toBe("openapi/components/parameters/AlbumId.yaml");
    expect(source({ ...request, pointer: "/query/unknown" })).toBe("openapi/paths/albums_{id}.yaml");
    expect(source({ ...request, pointer: "/headers" })).toBe("openapi/paths/albums_{id}.yaml");
    expect(source({ ...request, pointer: "" })).toBe("openapi/paths/albums_{id}.yaml");
    expect(source({ ...request, pointer: "/id" })).toBe("openapi/paths/albums_{id}.yaml");
    expect(source({ ...request, method: "PUT", operationId: "saveLibraryAlbum", template: "/me/library/albums/{id}", pointer: "/path/id" })).toBe("openapi/components/parameters/AlbumId.yaml");
    expect(source({ where: "status", pointer: "", status: 599 })).toBe("openapi/paths/albums_{id}.yaml");
  });

  it("the description's root for a request it has no operation for", () => {
    expect(source({ operationId: "-", template: "/nowhere", method: "GET" })).toBe("openapi/openapi.yaml");
    expect(source({ method: "POST" })).toBe("openapi/openapi.yaml");
  });

  it("in a description of other shapes: the root's path, inline responses, escaped pointers, a status without a response, a loop of references", () => {
    const document = {
      paths: {
        "/": {
          get: {
            responses: {
              "200": {
                content: {
                  "application/json": {
                    schema: {
                      type: "object",
                      properties: {
                        "a/b~c": { $ref: "#/components/schemas/Named" },
                        loop: { $ref: "#/components/schemas/Loop" },
                        list: { type: "array", items: { $ref: "#/components/schemas/Item" } },
                        missing: { $ref: "#/components/schemas/Missing" },
                        nothing: null,
                        chain: { $ref: "#/components/schemas/Chain0" },
                      },
                    },
                  },
                },
              },
              "201": { description: "No body" },
            },
          },
        },
        "/things/{id}/parts": { get: { parameters: [{ $ref: "#/components/parameters/Missing" }], responses: { "200": { $ref: "#/components/responses/Elsewhere" } } } },
      },
      components: {
        schemas: {
          Named: { type: "string" },
          Loop: { $ref: "#/components/schemas/Loop" },
          Item: { type: "object" },
          // A chain of 25 references in a row.
          ...Object.fromEntries(Array.from({ length: 25 }, (_, index) => [`Chain${index}`, { $ref: `#/components/schemas/Chain${index + 1}` }])),
        },
        responses: {},
        parameters: {},
      },
    };
    const root = { operationId: "getRoot", template: "/", method: "GET", status: 200, where: "body" as const };
    expect(sourceOf(document, { ...root, pointer: "" })).toBe("openapi/paths/index.yaml");
    expect(sourceOf(document, { ...root, pointer: "/a~1b~0c" })).toBe("openapi/components/schemas/Named.yaml");
    expect(sourceOf(document, { ...root, pointer: "/a/b~c" })).toBe("openapi/paths/index.yaml");
    expect(sourceOf(document, { ...root, pointer: "/list/3" })).toBe("openapi/components/schemas/Item.yaml");
    expect(sourceOf(document, { ...root, pointer: "/list/12" })).toBe("openapi/components/schemas/Item.yaml");
    // References are followed 20 in a row at most.
    expect(sourceOf(document, { ...root, pointer: "/chain" })).toBe("openapi/components/schemas/Chain19.yaml");
    for (const index of ["x", "1x", "x1"]) expect(sourceOf(document, { ...root, pointer: `/list/${index}` })).toBe("openapi/paths/index.yaml");
    // A reference to a component the description lacks: its file still, and no further.
    expect(sourceOf(document, { ...root, pointer: "/missing/x" })).toBe("openapi/components/schemas/Missing.yaml");
    expect(sourceOf(document, { ...root, pointer: "/nothing/x" })).toBe("openapi/paths/index.yaml");
    expect(sourceOf(document, { ...root, pointer: "/loop/x" })).toBe("openapi/components/schemas/Loop.yaml");
    expect(sourceOf(document, { ...root, status: 201, pointer: "/x" })).toBe("openapi/paths/index.yaml");
    expect(sourceOf(document, { ...root, status: 404, pointer: "/x" })).toBe("openapi/paths/index.yaml");
    const parts = { operationId: "getParts", template: "/things/{id}/parts", method: "GET" };
    expect(sourceOf(document, { ...parts, status: 200, where: "body", pointer: "/x" })).toBe("openapi/components/responses/Elsewhere.yaml");
    expect(sourceOf(document, { ...parts, status: 200, where: "header", pointer: "x" })).toBe("openapi/components/responses/Elsewhere.yaml");
    expect(sourceOf(document, { ...parts, status: undefined, where: "request", pointer: "/query/x" })).toBe("openapi/paths/things_{id}_parts.yaml");
    expect(sourceOf({}, { ...parts, status: 200, where: "body", pointer: "" })).toBe("openapi/openapi.yaml");
  });
});
