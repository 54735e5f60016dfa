// A page that loads the client as a browser user would: the package's built ESM files and
// openapi-fetch's ESM build, by their bare names through an import map, from a loopback server.
// The build is made into a folder of its own with the package's build configuration, so that
// it is current and no other test rebuilding dist/ can change it mid-run.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { projectRoot } from "../../scripts/redocly.ts";

export interface ClientPage {
  /** The page's URL: its origin is not the mock's. */
  url: string;
  close(): Promise<void>;
}

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Albums client</title>
<link rel="icon" href="data:,">
<script type="importmap">
{ "imports": { "amazon-music-albums-v1": "/client/src/index.js", "openapi-fetch": "/openapi-fetch/index.mjs" } }
</script>
<script type="module">
import * as albums from "amazon-music-albums-v1";
window.albums = albums;
document.body.dataset.ready = "true";
</script>
</head>
<body></body>
</html>
`;

const types: Record<string, string> = { ".js": "text/javascript", ".mjs": "text/javascript", ".map": "application/json" };

export async function serveClientPage(): Promise<ClientPage> {
  const build = mkdtempSync(join(tmpdir(), "albums-browser-build-"));
  try {
    execFileSync(process.execPath, [join(projectRoot, "node_modules/typescript/bin/tsc"), "-p", join(projectRoot, "tsconfig.build.json"), "--outDir", build], { stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    rmSync(build, { recursive: true, force: true });
    throw new Error(`The client's build failed:\n${String((error as { stdout?: string }).stdout ?? error)}`);
  }
  const roots: Record<string, string> = { "/client/": build, "/openapi-fetch/": join(projectRoot, "node_modules/openapi-fetch/dist") };

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (path === "/") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
      return;
    }
    const prefix = Object.keys(roots).find((p) => path.startsWith(p));
    const root = prefix && roots[prefix];
    const file = root && normalize(join(root, path.slice(prefix.length)));
    if (!root || !file || !file.startsWith(root + sep) || !types[extname(file)]) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = readFileSync(file);
      response.writeHead(200, { "content-type": `${types[extname(file)]}; charset=utf-8` }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(build, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
