// Serves the built site on loopback as a good static host would: each file compressed as the
// browser asks (brotli, else gzip; `Vary: Accept-Encoding`), with an ETag and Last-Modified
// that a revalidation answers with 304, Scalar's files (in a folder named after its version)
// cached for a year, everything else revalidated on each visit.
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".md": "text/plain; charset=utf-8",
  ".png": "image/png",
};
/** The types worth compressing (a PNG already is). */
const compressible = new Set([".html", ".js", ".json", ".md"]);
const toBrotli = promisify(brotliCompress);
const toGzip = promisify(gzip);

interface Encoded {
  etag: string;
  identity: Buffer;
  br?: Buffer;
  gzip?: Buffer;
}

export interface SiteServer {
  url: string;
  close(): Promise<void>;
}

/** The encoding to answer with, from Accept-Encoding: brotli, else gzip, else none (q=0 refuses one). */
export function negotiate(accept: string | undefined): "br" | "gzip" | undefined {
  const offered = new Map<string, number>();
  for (const part of (accept ?? "").split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    offered.set(name.trim(), q ? Number(q.slice(2)) : 1);
  }
  const wants = (name: string) => (offered.get(name) ?? offered.get("*") ?? 0) > 0;
  return wants("br") ? "br" : wants("gzip") ? "gzip" : undefined;
}

export async function serveSite(root: string, options: { port: number; host?: string; mock?: string }): Promise<SiteServer> {
  // Compressed once per file version (path, size and mtime), in memory: the site is a few MB.
  const cache = new Map<string, Promise<Encoded>>();
  const encoded = (file: string, size: number, mtime: number): Promise<Encoded> => {
    const key = `${file}:${size}:${mtime}`;
    let entry = cache.get(key);
    if (!entry) {
      entry = (async () => {
        let identity = await readFile(file);
        // The page says where the mock answers: docs:serve --mock changes it as it serves.
        if (options.mock && file.endsWith(".html")) identity = Buffer.from(identity.toString("utf8").replace('<meta name="docs-mock" content="http://127.0.0.1:4010" />', `<meta name="docs-mock" content="${options.mock}" />`));
        const etag = `"${createHash("sha256").update(identity).digest("base64url").slice(0, 22)}"`;
        if (!compressible.has(extname(file))) return { etag, identity };
        const [br, gz] = await Promise.all([toBrotli(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }), toGzip(identity, { level: 9 })]);
        return { etag, identity, br, gzip: gz };
      })();
      cache.set(key, entry);
      entry.catch(() => cache.delete(key));
    }
    return entry;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" });
      response.end("Only GET and HEAD.\n");
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    } catch {
      response.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
      response.end("Malformed path.\n");
      return;
    }
    if (path.endsWith("/")) path += "index.html";
    const file = normalize(join(root, path));
    const info = file.startsWith(root + sep) || file === root ? await stat(file).catch(() => undefined) : undefined;
    if (!info?.isFile()) {
      if (path.endsWith("/CHANGELOG.md")) {
        response.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
        response.end("No CHANGELOG.md beside the page: the first release writes it.\n");
      } else if (extname(path) === "") {
        // Paths without a file name (the menu links of the Redoc pages before, /pagination) lead to the reference.
        response.writeHead(302, { location: "/" });
        response.end();
      } else {
        response.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
        response.end(`No ${path} here.\n`);
      }
      return;
    }
    const { etag, ...bodies } = await encoded(file, info.size, info.mtimeMs);
    const encoding = compressible.has(extname(file)) ? negotiate(request.headers["accept-encoding"]) : undefined;
    const body = (encoding && bodies[encoding]) || bodies.identity;
    const tag = encoding ? `${etag.slice(0, -1)}-${encoding}"` : etag;
    const headers: Record<string, string> = {
      "content-type": types[extname(file)] ?? "application/octet-stream",
      "cache-control": path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
      etag: tag,
      "last-modified": new Date(Math.floor(info.mtimeMs / 1000) * 1000).toUTCString(),
      vary: "Accept-Encoding",
      "x-content-type-options": "nosniff",
    };
    const matches = (request.headers["if-none-match"] ?? "").split(",").some((t) => t.trim() === tag || t.trim() === "*");
    const since = Date.parse(request.headers["if-modified-since"] ?? "");
    if (matches || (request.headers["if-none-match"] === undefined && since >= Math.floor(info.mtimeMs / 1000) * 1000)) {
      response.writeHead(304, headers);
      response.end();
      return;
    }
    if (encoding && body !== bodies.identity) headers["content-encoding"] = encoding;
    headers["content-length"] = String(body.length);
    response.writeHead(200, headers);
    response.end(request.method === "HEAD" ? undefined : body);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      response.end(`${(error as Error).message}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        // A browser keeps its connections open: end them, or close() would wait for them.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
