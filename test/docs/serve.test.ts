// docs:serve as a static host: compression the browser asked for, revalidation (ETag,
// Last-Modified), caching for good of Scalar's versioned files only, the page told where the
// mock is, and nothing outside dist/docs; its command line refuses bad options as npm start does.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docsDir, serveDocs } from "../../scripts/docs.ts";
import { negotiate } from "../../scripts/docs/serve.ts";
import { assetsDir } from "../../scripts/docs/site.ts";
import { projectRoot } from "../../scripts/redocly.ts";
import { processBudgetMs } from "../support/budgets.ts";

/** One GET with exactly these headers and this raw path (fetch would normalize the path, and decode). */
function get(url: string, path: string, headers: Record<string, string> = {}, method = "GET"): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("npm run docs:serve", () => {
  let server: Awaited<ReturnType<typeof serveDocs>>;
  beforeAll(async () => {
    server = await serveDocs(0, { mock: "http://127.0.0.1:4999" });
  });
  afterAll(() => server?.close());
  const page = () => readFileSync(join(docsDir, "index.html"), "utf8");

  it("answers with brotli, gzip or neither, as Accept-Encoding asks, each decoding to the file", async () => {
    const script = readFileSync(join(docsDir, assetsDir, "standalone.esm.js"));
    const path = `/${assetsDir}standalone.esm.js`;
    const br = await get(server.url, path, { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).equals(script)).toBe(true);
    expect(br.body.length).toBeLessThan(script.length / 3);
    const gzip = await get(server.url, path, { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).equals(script)).toBe(true);
    for (const refused of [{}, { "accept-encoding": "identity" }, { "accept-encoding": "br;q=0, gzip;q=0" }]) {
      const plain = await get(server.url, path, refused);
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(plain.body.equals(script)).toBe(true);
    }
    expect(br.headers.vary).toBe("Accept-Encoding");
  });

  it("caches Scalar's versioned files for a year, and has the pages revalidated; a revalidation answers 304", async () => {
    const asset = await get(server.url, `/${assetsDir}standalone.js`, { "accept-encoding": "br" });
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const first = await get(server.url, "/", { "accept-encoding": "br" });
    expect(first.status).toBe(200);
    expect(first.headers["cache-control"]).toBe("no-cache");
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await get(server.url, "/", { "accept-encoding": "br", "if-none-match": etag })).status).toBe(304);
    // Another encoding is another representation: its own tag.
    expect((await get(server.url, "/", { "if-none-match": etag })).status).toBe(200);
    const since = String(first.headers["last-modified"]);
    expect(Date.parse(since)).not.toBeNaN();
    const revalidated = await get(server.url, "/index.html", { "if-modified-since": since });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
  });

  it("tells the page where the mock answers (--mock), and serves the rest of it as built", async () => {
    const served = (await get(server.url, "/")).body.toString("utf8");
    expect(served).toContain('<meta name="docs-mock" content="http://127.0.0.1:4999" />');
    expect(served.replace("http://127.0.0.1:4999", "http://127.0.0.1:4010")).toBe(page());
  });

  it("serves nothing outside dist/docs, answers only GET and HEAD, and sends the Redoc pages' paths to the reference", async () => {
    for (const path of ["/../package.json", "/..%2f..%2fpackage.json", "/%2e%2e/%2e%2e/package.json", "/assets/../../package.json"]) {
      const answer = await get(server.url, path);
      expect(answer.body.toString("utf8"), path).not.toContain('"devDependencies"');
      expect([302, 400, 404], path).toContain(answer.status);
    }
    expect((await get(server.url, "/nope.js")).status).toBe(404);
    expect((await get(server.url, "/%E0%A4%A")).status).toBe(400);
    const post = await get(server.url, "/", {}, "POST");
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe("GET, HEAD");
    const head = await get(server.url, "/", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    const old = await get(server.url, "/section/changes");
    expect(old.status).toBe(302);
    expect(old.headers.location).toBe("/");
  });

  it("picks the encoding a client accepts, best first", () => {
    expect(negotiate("gzip, deflate, br, zstd")).toBe("br");
    expect(negotiate("gzip")).toBe("gzip");
    expect(negotiate("br;q=0, gzip")).toBe("gzip");
    expect(negotiate("*")).toBe("br");
    expect(negotiate("*;q=0")).toBeUndefined();
    expect(negotiate("identity")).toBeUndefined();
    expect(negotiate(undefined)).toBeUndefined();
  });
});

describe("npm run docs:serve's command line", () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/docs.ts", ...args], { cwd: projectRoot, encoding: "utf8", timeout: processBudgetMs, env: { ...process.env, DOCS_PORT: "", MOCK_URL: "" } });

  it.each([
    [["--serve", "--port", "abc"], '--port must be a whole number from 0 to 65535, not "abc".'],
    [["--serve", "--port", "70000"], '--port must be a whole number from 0 to 65535, not "70000".'],
    [["--serve", "--mock", "ftp://127.0.0.1"], "--mock must be an http:// URL"],
    [["--serve", "--mock", "http://example.com:4010"], "--mock must be on this machine"],
    [["--serve", "--bogus"], "Unknown option '--bogus'"],
  ])("refuses %j with what is wrong and exit 2, without a stack trace or a build", (args, message) => {
    const result = run(...args);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).not.toContain("Built");
    expect(result.status).toBe(2);
  }, processBudgetMs);

  it("prints its usage for --help, and exits 0", () => {
    const result = run("--help");
    expect(result.stdout).toContain("--mock <url>");
    expect(result.status).toBe(0);
  }, processBudgetMs);
});
