// The validating proxy through the command (--proxy <upstream> --report <file>) with our client:
// an upstream that keeps to the description (the mock itself) leaves an empty report; one whose
// answers drift has each drift in the log and the report, redacted. (In this process, in detail:
// proxy.test.ts.)
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readReport } from "../../scripts/drift-report.ts";
import { projectRoot } from "../../scripts/redocly.ts";
import { createAlbumsClient } from "../../src/index.ts";
import { processBudgetMs } from "../support/budgets.ts";
import { smoke } from "../support/client-smoke.ts";
import { expectedSmokeOutput } from "../support/drift-server.ts";
import { mockStartBudgetMs, startMock, type RunningMock } from "../support/mock.ts";
import { accessToken, apiKey, drifting, upstream } from "./support/proxy-upstreams.ts";

const dir = mkdtempSync(join(tmpdir(), "albums-proxy-command-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm start -- --proxy, with our client", { timeout: processBudgetMs }, () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ provider: { rateLimit: undefined } });
  }, mockStartBudgetMs);
  afterAll(() => mock.close());

  /** The command, from the sources, proxying to `upstreamUrl`: its URL, what it printed, and how to stop it. */
  async function command(upstreamUrl: string, report: string) {
    const child = spawn(process.execPath, ["--import", "tsx", join(projectRoot, "mock/node/cli.ts"), "--proxy", upstreamUrl, "--report", report, "--port", "0"], { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    const exited = once(child, "exit");
    while (!/Ctrl-C stops it/.test(output)) await Promise.race([once(child.stdout, "data"), exited.then(() => Promise.reject(new Error(output)))]);
    return {
      url: /proxy: (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] as string,
      output: () => output,
      async stop() {
        child.kill("SIGTERM");
        return ((await exited) as [number | null])[0];
      },
    };
  }

  it("a correct upstream (the mock itself) leaves an empty report, and the client works through it", async () => {
    const report = join(dir, "correct.jsonl");
    const proxy = await command(mock.url, report);
    const client = createAlbumsClient({ apiKey, accessToken: `proxy-${Date.now()}`, baseUrl: proxy.url, retry: false });
    expect(await smoke(client)).toEqual(expectedSmokeOutput);
    expect(await proxy.stop()).toBe(0);
    expect(readFileSync(report, "utf8")).toBe("");
    expect(proxy.output()).not.toMatch(/^(?:drift \(|note:)/m);
  });

  it("a drifting upstream: each drift in the log and the report, redacted", async () => {
    const { url: upstreamUrl, server } = await upstream(drifting);
    try {
      const report = join(dir, "drifting.jsonl");
      const proxy = await command(upstreamUrl, report);
      const client = createAlbumsClient({ apiKey, accessToken, baseUrl: proxy.url, retry: false });
      await client.getAlbum("B0064UPU4G").catch(() => undefined);
      await client.getLibraryAlbums({ limit: 2 });
      expect(await proxy.stop()).toBe(0);
      const findings = readReport(readFileSync(report, "utf8"));
      expect(findings.map((finding) => `${finding.kind} ${finding.operation} ${finding.pointer}`)).toEqual(
        expect.arrayContaining(["response getAlbum /data/album", "response getAlbum /data/album/duration", "note getLibraryAlbums /data/user/id", "note getLibraryAlbums /data/user/libraryAlbums/edges/0/objectId"]),
      );
      expect(proxy.output()).toContain("drift (response): getAlbum GET /albums/{id} 200 /data/album: must have required property 'title'");
      for (const secret of [apiKey, accessToken, "AF3XJ2KQ7EXAMPLE", "lib-entry-42"]) expect(readFileSync(report, "utf8") + proxy.output()).not.toContain(secret);
    } finally {
      server.close();
    }
  });
});
