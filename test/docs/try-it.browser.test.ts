// "Test Request" against the mock, in Chromium at a laptop's width and a phone's: the page
// served by docs:serve preselects the mock, the credentials typed once go with every request,
// every operation can be sent, and the mock's answer (status, headers, body) is shown. The mock
// runs in this process (test/support/mock.ts), as npm start serves it; nothing is faked.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docsDir, docsPage } from "../../scripts/docs.ts";
import { mockStartBudgetMs, startMock, type RunningMock } from "../support/mock.ts";
import { hasChromium, useDocsInChromium, widths } from "./support/browser.ts";
import { closeConsole, send, typeCredentials } from "./support/console.ts";
import { operationsInDocs } from "./support/docs-spec.ts";

const apiKey = "amzn1.application.docs-test";
const anchorOf = (operationId: string) => operationsInDocs.find((o) => o.operationId === operationId)?.anchor as string;

/** A port nothing listens on: one the system gave, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The built page as a file beside the others, looking for the mock at `mock` instead of
 * npm start's address (what docs:serve --mock does as it serves); removed after the test.
 */
function pageFileFor(mock: string, name: string): { url: string; remove(): void } {
  const file = join(docsDir, `${name}.html`);
  writeFileSync(file, readFileSync(docsPage, "utf8").replace('<meta name="docs-mock" content="http://127.0.0.1:4010" />', `<meta name="docs-mock" content="${mock}" />`));
  return { url: pathToFileURL(file).href, remove: () => rmSync(file, { force: true }) };
}

/** The user's library as the mock holds it, asked directly (not through the page). */
async function libraryOf(mock: RunningMock, token: string): Promise<string[]> {
  const response = await fetch(`${mock.url}/me/library/albums`, { headers: { "x-api-key": apiKey, authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { data: { user: { libraryAlbums: { edges: { node: { id: string } }[] } } } };
  return body.data.user.libraryAlbums.edges.map((edge) => edge.node.id);
}

describe.skipIf(!hasChromium)("sending requests from the reference docs to the mock, in Chromium", () => {
  let mock: RunningMock | undefined;
  beforeAll(async () => {
    mock = await startMock();
  }, mockStartBudgetMs);
  afterAll(() => mock?.close());
  const docs = useDocsInChromium({ mock: () => mock?.url ?? "" });

  describe.each(widths)("%i px wide", (width) => {
    it("preselects the mock and gets Discovery from getAlbum, with its status, headers and body", async () => {
      const page = await docs.open(docs.url(), width);
      expect(await page.evaluate(() => document.documentElement.dataset.docsServer)).toBe("mock");
      await typeCredentials(page, apiKey, `reader-album-${width}`);
      const answer = await send(page, anchorOf("getAlbum"));
      expect(answer.status).toBe("200");
      expect(answer.text).toContain(`${mock?.url}/albums`);
      expect(answer.text).toContain('"title": "Discovery"');
      // The headers the mock exposes to the page (CORS), unfolded.
      expect(answer.text.toLowerCase()).toContain("content-type");
      await page.screenshot({ path: join(docsDir, `screenshot-try-it-${width}.png`) });
      await closeConsole(page);
      await page.close();
    });

    it("saves an album with saveLibraryAlbum, then lists it with getLibraryAlbums, as the user whose token was typed once", async () => {
      const token = `reader-library-${width}`;
      const page = await docs.open(docs.url(), width);
      await typeCredentials(page, apiKey, token);
      // The reader types the album's ID over the example's.
      const saved = await send(page, anchorOf("saveLibraryAlbum"), { id: "B00D3PLC1K" });
      expect(saved.status).toBe("200");
      expect(saved.text).toContain('"title": "Around the world"');
      await closeConsole(page);
      // The request carried the credentials typed once: the mock keeps the album in that token's library.
      expect(await libraryOf(mock as RunningMock, token)).toEqual(["B00D3PLC1K"]);
      // The example's cursor is a page of another library: a first page goes without one.
      const listed = await send(page, anchorOf("getLibraryAlbums"), { cursor: null });
      expect(listed.status).toBe("200");
      expect(listed.text).toContain('"title": "Around the world"');
      await closeConsole(page);
      await page.close();
    });
  });

  it("sends each of the five operations from the page, and shows the mock's 200", async () => {
    const page = await docs.open(docs.url());
    await typeCredentials(page, apiKey, "reader-all");
    const statuses: Record<string, string> = {};
    for (const op of operationsInDocs) {
      const answer = await send(page, op.anchor, op.operationId === "getLibraryAlbums" ? { cursor: null } : {});
      statuses[op.operationId] = answer.status;
      await closeConsole(page);
    }
    expect(statuses).toEqual(Object.fromEntries(operationsInDocs.map((op) => [op.operationId, "200"])));
    await page.close();
  });

  it("opened from a file beside a running mock, preselects the mock and gets its answer; with no mock there, production", async () => {
    const beside = pageFileFor(mock?.url as string, "test-file-beside-mock");
    const alone = pageFileFor(`http://127.0.0.1:${await closedPort()}`, "test-file-no-mock");
    try {
      const page = await docs.open(beside.url);
      expect(await page.evaluate(() => document.documentElement.dataset.docsServer)).toBe("mock");
      await typeCredentials(page, apiKey, "reader-file");
      const answer = await send(page, anchorOf("getAlbum"));
      expect(answer.status).toBe("200");
      expect(answer.text).toContain('"title": "Discovery"');
      await page.close();
      const offline = await docs.open(alone.url);
      expect(await offline.evaluate(() => document.documentElement.dataset.docsServer)).toBe("production");
      await offline.close();
    } finally {
      beside.remove();
      alone.remove();
    }
  });

  it("reached nothing but this machine, and logged no error", () => {
    expect(docs.watch.outsideRequests).toEqual([]);
    expect(docs.watch.consoleErrors).toEqual([]);
  });
});
