// The validating proxy (mock/node/proxy.ts), in this process, against local upstreams: one whose
// answers drift (each drift found, logged and reported, grouped, with no credential or personal
// value), one that answers outside the description, one too slow and one not there (502 and 504 in
// the envelope, naming the upstream). What comes back through it is what the upstream sent, byte
// for byte. Through the command, with our client: proxy-command.test.ts.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createProxyServer, type ProxyServer } from "../../mock/node/proxy.ts";
import { readReport, reportTable } from "../../scripts/drift-report.ts";
import { accessToken, album, apiKey, drifting, upstream } from "./support/proxy-upstreams.ts";

const dir = mkdtempSync(join(tmpdir(), "albums-proxy-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the proxy, in this process", () => {
  const proxies: ProxyServer[] = [];
  const servers: Server[] = [];
  afterEach(async () => {
    for (const proxy of proxies.splice(0)) await proxy.close();
    for (const server of servers.splice(0)) server.close();
  });
  const through = async (upstreamUrl: string, options: { report?: string; timeoutMs?: number } = {}) => {
    const lines: string[] = [];
    const proxy = await createProxyServer({ upstream: upstreamUrl, ...options, log: (line) => lines.push(line) });
    proxies.push(proxy);
    return { url: await proxy.listen(0), proxy, lines };
  };
  const headers = { "x-api-key": apiKey, authorization: `Bearer ${accessToken}` };

  it("finds each drift of the answers and the requests, one line each, grouped in the report without a credential or a personal value", async () => {
    const { url: upstreamUrl, server } = await upstream(drifting);
    servers.push(server);
    const report = join(dir, "drift.jsonl");
    const { url, proxy, lines } = await through(upstreamUrl, { report });
    for (let i = 0; i < 3; i++) await (await fetch(`${url}/albums/B0064UPU4G`, { headers })).arrayBuffer();
    await (await fetch(`${url}/albums?ids=B0064UPU4G&ids=B00D3PLC1K`, { headers })).arrayBuffer();
    await (await fetch(`${url}/me/library/albums?limit=2`, { headers })).arrayBuffer();
    await (await fetch(`${url}/me/library/albums/B0064UPU4G`, { method: "PUT", headers })).arrayBuffer();
    await (await fetch(`${url}/albums/B0064UPU4G`, { headers: { authorization: `Bearer ${accessToken}` } })).arrayBuffer();
    await proxy.close();
    proxies.splice(0);

    const findings = readReport(readFileSync(report, "utf8"));
    const summary = findings.map(({ kind, operation, status, pointer, expected, seen, count, source }) => ({ kind, operation, status, pointer, expected, seen, count, source }));
    expect(summary).toEqual(
      expect.arrayContaining([
        { kind: "response", operation: "getAlbum", status: 200, pointer: "/data/album", expected: "must have required property 'title'", seen: "an object", count: 4, source: "openapi/components/schemas/Album.yaml" },
        { kind: "response", operation: "getAlbum", status: 200, pointer: "/data/album/duration", expected: "must be integer", seen: "9999", count: 4, source: "openapi/components/schemas/Album.yaml" },
        { kind: "response", operation: "getAlbums", status: 200, pointer: "", expected: "is JSON (application/json), not text/plain", seen: undefined, count: 1, source: "openapi/components/schemas/AlbumsResponse.yaml" },
        { kind: "request", operation: "getAlbums", status: undefined, pointer: "/query/ids", expected: "given 2 times; the description sends it once", seen: undefined, count: 1, source: "openapi/components/parameters/AlbumIds.yaml" },
        { kind: "request", operation: "getAlbum", status: undefined, pointer: "/headers", expected: "The x-api-key header is missing: send your security profile ID in it.", seen: undefined, count: 1, source: "openapi/paths/albums_{id}.yaml" },
        // A status the operation does not list falls to its default response: the envelope, which an HTML page is not.
        { kind: "response", operation: "saveLibraryAlbum", status: 418, pointer: "", expected: "is JSON (application/json), not text/html that does not parse", seen: undefined, count: 1, source: "openapi/components/schemas/ErrorResponse.yaml" },
        // Valid, yet not of the shapes seen so far: what the description's text should learn next.
        { kind: "note", operation: "getLibraryAlbums", status: 200, pointer: "/data/user/id", expected: 'must match pattern "^[a-z0-9]+$"', seen: "aaaa9.aaaaaaa.AA9AA9AA9AAAAAAA", count: 1, source: "openapi/components/schemas/LibraryUser.yaml" },
        { kind: "note", operation: "getLibraryAlbums", status: 200, pointer: "/data/user/libraryAlbums/edges/0/objectId", expected: 'must match format "uuid"', seen: "9999999999999:aaa-aaaaa-99", count: 1, source: "openapi/components/schemas/LibraryAlbumEdge.yaml" },
      ]),
    );
    // The album's new audio quality is a note only once the answer is valid: here its missing title makes it drift.
    const text = readFileSync(report, "utf8") + lines.join("\n");
    for (const secret of [apiKey, accessToken, "SECRET", "AF3XJ2KQ7EXAMPLE", "lib-entry-42"]) expect(text).not.toContain(secret);
    expect(lines).toContain("drift (response): getAlbum GET /albums/{id} 200 /data/album/duration: must be integer (seen: 9999)");
    expect(lines.filter((line) => line.startsWith("drift (response): getAlbum GET /albums/{id} 200 /data/album/duration"))).toHaveLength(4);
    expect(reportTable(findings)).toMatch(/^drift: response +4 +getAlbum GET \/albums\/\{id\} 200 +\/data\/album\/duration +must be integer \(seen: 9999\) +openapi\/components\/schemas\/Album\.yaml$/m);
  });

  it("notes a new value of an open set in a valid answer, with the value itself", async () => {
    const { url: upstreamUrl, server } = await upstream(() => ({ status: 200, type: "application/json", body: JSON.stringify({ data: { album: { ...album, title: "Discovery", duration: 3660 } } }) }));
    servers.push(server);
    const { url, proxy } = await through(upstreamUrl);
    await (await fetch(`${url}/albums/B0064UPU4G`, { headers })).arrayBuffer();
    expect(proxy.findings().map(({ kind, pointer, seen, source }) => ({ kind, pointer, seen, source }))).toEqual([
      { kind: "note", pointer: "/data/album/audioQualities/1", seen: "DOLBY_ATMOS", source: "openapi/components/schemas/AudioQuality.yaml" },
    ]);
  });

  it("passes the answer on as the upstream sent it: status, headers and the bytes of a compressed body", async () => {
    const { url: upstreamUrl, server } = await upstream(drifting);
    servers.push(server);
    const { url } = await through(upstreamUrl);
    const [direct, proxied] = await Promise.all([fetch(`${upstreamUrl}/me/library/albums`, { headers }), fetch(`${url}/me/library/albums`, { headers })]);
    expect(proxied.status).toBe(direct.status);
    expect(proxied.headers.get("content-encoding")).toBe("gzip");
    expect(proxied.headers.get("content-type")).toBe(direct.headers.get("content-type"));
    expect(Buffer.from(await proxied.arrayBuffer())).toEqual(Buffer.from(await direct.arrayBuffer()));
  });

  it("forwards the credentials unchanged to the upstream", async () => {
    const seen: Array<string | undefined> = [];
    const { url: upstreamUrl, server } = await upstream((_, request) => {
      seen.push(request.headers["x-api-key"] as string, request.headers.authorization);
      return { status: 200, type: "application/json", body: JSON.stringify({ data: { album: { id: "B0064UPU4G", title: "Discovery", url: "https://music.amazon.com/albums/B0064UPU4G" } } }) };
    });
    servers.push(server);
    const { url } = await through(upstreamUrl);
    await (await fetch(`${url}/albums/B0064UPU4G`, { headers })).arrayBuffer();
    expect(seen).toEqual([apiKey, `Bearer ${accessToken}`]);
  });

  it("answers 502 in the envelope, naming the upstream, when it is not there; 504 when it does not answer in time", async () => {
    const { url: deadUrl, server: dead } = await upstream(drifting);
    await new Promise((resolve) => dead.close(resolve));
    const gone = await through(deadUrl);
    const unreachable = await fetch(`${gone.url}/albums/B0064UPU4G`, { headers });
    expect(unreachable.status).toBe(502);
    const body = (await unreachable.json()) as { error: { code: string; message: string } };
    expect(body).toEqual({ error: { status: "502", code: "UPSTREAM_UNREACHABLE", message: `The proxy could not reach the upstream ${new URL(deadUrl).origin}: ECONNREFUSED.` } });

    const { url: slowUrl, server } = await upstream(() => "stall");
    servers.push(server);
    const slow = await through(slowUrl, { timeoutMs: 300 });
    const late = await fetch(`${slow.url}/albums/B0064UPU4G`, { headers });
    expect(late.status).toBe(504);
    expect(await late.json()).toMatchObject({ error: { status: "504", code: "UPSTREAM_TIMEOUT", message: `The upstream ${new URL(slowUrl).origin} did not answer within 0.3 s.` } });
    expect(JSON.stringify([...gone.lines, ...slow.lines])).not.toContain(accessToken);
  });
});
