// The state a test controls (mock/index.ts's startMock, as the mock's package gives it): start
// from a document or a file of libraries, reset one user or everyone (in code and over HTTP, under
// /__mock/, which is not part of the API), read the libraries back, and keep them across a restart
// with `persist`. A state that is wrong is refused whole, saying where.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startMock, StateError, type MockState, type RunningMock } from "../../mock/index.ts";
import { mockStartBudgetMs } from "../support/mock.ts";

const dir = mkdtempSync(join(tmpdir(), "albums-state-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const running: RunningMock[] = [];
afterEach(async () => {
  for (const mock of running.splice(0)) await mock.close();
});

/** A mock of the package's API; none of these tests but the generated data's sends a Prefer. */
async function start(options: Parameters<typeof startMock>[0]): Promise<RunningMock> {
  const mock = await startMock({ lazyPrism: true, ...options });
  running.push(mock);
  return mock;
}

const headers = (token: string) => ({ "x-api-key": "amzn1.application.state", authorization: `Bearer ${token}` });
async function library(mock: RunningMock, token: string): Promise<Array<{ id: string; purchased: boolean }>> {
  const response = await fetch(`${mock.url}/me/library/albums`, { headers: headers(token) });
  const { edges } = ((await response.json()) as { data: { user: { libraryAlbums: { edges: Array<{ node: { id: string }; purchased: boolean }> } } } }).data.user.libraryAlbums;
  return edges.map((edge) => ({ id: edge.node.id, purchased: edge.purchased }));
}

describe("a mock started from a state", { timeout: mockStartBudgetMs }, () => {
  it("serves each user's library as the document says, in its order, with its flags", async () => {
    const mock = await start({ state: { users: { alice: ["B00D3PLC1K", { id: "B0064UPU4G", purchased: true }], bob: [] } } });
    expect(await library(mock, "alice")).toEqual([
      { id: "B00D3PLC1K", purchased: false },
      { id: "B0064UPU4G", purchased: true },
    ]);
    expect(await library(mock, "bob")).toEqual([]);
    expect(await library(mock, "carol")).toEqual([]);
  });

  it("resets one user, or everyone, in code and over POST /__mock/reset", async () => {
    const mock = await start({ state: { users: { alice: ["B00D3PLC1K"], bob: ["B0064UPU4G"], carol: ["B091MTJT3P"] } } });
    mock.reset("alice");
    expect(await library(mock, "alice")).toEqual([]);
    expect(await library(mock, "bob")).toHaveLength(1);

    const one = await fetch(`${mock.url}/__mock/reset`, { method: "POST", headers: { authorization: "Bearer bob" } });
    expect(one.status).toBe(200);
    expect(await one.json()).toEqual({ reset: "one library", user: expect.stringMatching(/^[0-9a-f]{26}$/) });
    expect(await library(mock, "bob")).toEqual([]);
    expect(await library(mock, "carol")).toHaveLength(1);

    const every = await fetch(`${mock.url}/__mock/reset`, { method: "POST" });
    expect(await every.json()).toEqual({ reset: "every library" });
    expect(await library(mock, "carol")).toEqual([]);
    expect(mock.state()).toEqual({ users: expect.any(Object) });
  });

  it("answers only POST under /__mock/, in the envelope otherwise", async () => {
    const mock = await start({});
    const get = await fetch(`${mock.url}/__mock/reset`);
    expect([get.status, get.headers.get("allow")]).toEqual([405, "POST"]);
    const other = await fetch(`${mock.url}/__mock/state`, { method: "POST" });
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ error: { status: "404", code: "RESOURCE_NOT_FOUND" } });
  });

  it("writes the libraries back on close with persist, which the next start reads: a restart keeps them", async () => {
    const file = join(dir, "libraries.json");
    writeFileSync(file, JSON.stringify({ users: { alice: ["B00D3PLC1K"] } }));
    const first = await startMock({ state: file, persist: true, lazyPrism: true });
    await fetch(`${first.url}/me/library/albums/B0064UPU4G`, { method: "PUT", headers: headers("alice") });
    await fetch(`${first.url}/me/library/albums/B091MTJT3P`, { method: "PUT", headers: headers("dave") });
    await first.close();

    const written = readFileSync(file, "utf8");
    // Digests of the tokens, never the tokens: the file may be shared, committed or logged.
    expect(written).not.toMatch(/alice|dave/);
    expect(Object.keys((JSON.parse(written) as { users: object }).users)).toEqual([expect.stringMatching(/^sha256:[0-9a-f]{64}$/), expect.stringMatching(/^sha256:[0-9a-f]{64}$/)]);

    const second = await start({ state: file });
    expect((await library(second, "alice")).map((album) => album.id)).toEqual(["B00D3PLC1K", "B0064UPU4G"]);
    expect((await library(second, "dave")).map((album) => album.id)).toEqual(["B091MTJT3P"]);
  });

  it.each([
    [{ users: [] }, 'The state must be an object with "users"'],
    [{ users: { alice: "B00D3PLC1K" } }, 'users["alice"] must be a list of album IDs.'],
    [{ users: { alice: ["B000000000"] } }, 'users["alice"][0]: "B000000000" is not an album of the mock\'s catalog'],
    [{ users: { alice: ["B00D3PLC1K", "B00D3PLC1K"] } }, 'users["alice"][1]: B00D3PLC1K is in this library twice.'],
    [{ users: { alice: [{ id: "B00D3PLC1K", purchased: "yes" }] } }, 'users["alice"][0].purchased must be true or false.'],
    [{ users: { "sha256:abc": [] } }, 'a digest is "sha256:" and 64 lower-case hex digits.'],
  ] as Array<[unknown, string]>)("refuses %j, saying where", async (state, message) => {
    // As a test may read it from a file: any JSON at all.
    const given = state as MockState;
    await expect(startMock({ state: given })).rejects.toThrow(message);
    await expect(startMock({ state: given })).rejects.toBeInstanceOf(StateError);
  });

  it("refuses persist without a file, and a file that is not JSON", async () => {
    await expect(startMock({ state: { users: {} }, persist: true })).rejects.toThrow("persist writes the libraries back to the state file: give state as a file's path.");
    const broken = join(dir, "broken.json");
    writeFileSync(broken, "{ users:");
    await expect(startMock({ state: broken })).rejects.toThrow(`The state file ${broken} is not JSON`);
  });
});

describe("generated data", { timeout: mockStartBudgetMs }, () => {
  it("is the same for the same request and seed, from one start to the next: a page that reloads shows the same albums", async () => {
    const body = async (seed: number, path: string) => {
      const mock = await start({ seed, lazyPrism: false });
      const response = await fetch(`${mock.url}${path}`, { headers: { ...headers("dyn"), prefer: "dynamic=true" } });
      return response.json();
    };
    const first = await body(7, "/albums?ids=B0064UPU4G,B00D3PLC1K");
    expect(await body(7, "/albums?ids=B0064UPU4G,B00D3PLC1K")).toEqual(first);
    expect(await body(8, "/albums?ids=B0064UPU4G,B00D3PLC1K")).not.toEqual(first);
    expect(await body(7, "/albums?ids=B00D3PLC1K,B0064UPU4G")).not.toEqual(first);
  });
});
