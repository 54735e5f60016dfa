// How many users' libraries the mock keeps is a documented, configurable limit (--max-users,
// `provider.maxUsers`), and a library forgotten to keep it is never silent: the log names the user
// (as data.user.id does) and how many albums went with it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mockStartBudgetMs, startMock, type RunningMock } from "../support/mock.ts";

describe("a mock that keeps two users' libraries", () => {
  const lines: string[] = [];
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ provider: { maxUsers: 2, rateLimit: undefined }, log: (line) => lines.push(line), lazyPrism: true });
  }, mockStartBudgetMs);
  afterAll(() => mock.close());

  const call = async (user: string, method: string, path: string) => {
    const response = await fetch(`${mock.url}${path}`, { method, headers: { "x-api-key": "amzn1.application.capacity", authorization: `Bearer ${user}` } });
    return (await response.json()) as { data: { user: { id: string; libraryAlbums: { edges: Array<{ node: { id: string } }> } } } };
  };

  it("forgets the least recently seen one past the limit, and says so in the log, naming the user", async () => {
    await call("first", "PUT", "/me/library/albums/B0064UPU4G");
    await call("first", "PUT", "/me/library/albums/B00D3PLC1K");
    const firstId = (await call("first", "GET", "/me/library/albums")).data.user.id;
    await call("second", "PUT", "/me/library/albums/B0064UPU4G");
    expect(lines.filter((line) => line.includes("forgot"))).toEqual([]);
    await call("third", "PUT", "/me/library/albums/B0064UPU4G");
    expect(lines.filter((line) => line.includes("forgot"))).toEqual([
      `  forgot the library of user ${firstId} (2 albums): the mock keeps the 2 most recently seen users' libraries (--max-users)`,
    ]);
    expect((await call("first", "GET", "/me/library/albums")).data.user.libraryAlbums.edges).toEqual([]);
    expect((await call("second", "GET", "/me/library/albums")).data.user.libraryAlbums.edges.map((edge) => edge.node.id)).toEqual(["B0064UPU4G"]);
  });
});
