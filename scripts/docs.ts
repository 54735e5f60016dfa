// `npm run docs`: builds the reference docs into dist/docs/index.html, one self-contained page
// (Redoc inlined, no request to another host). `npm run docs:serve` also serves it on loopback.
import { createReadStream } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { isMain } from "./is-main.ts";
import { projectRoot, redocly } from "./redocly.ts";

export const docsDir = join(projectRoot, "dist", "docs");
export const docsPage = join(docsDir, "index.html");

export function buildDocs(): void {
  redocly([
    "build-docs",
    "albums@v1",
    "--output",
    docsPage,
    "--inlineBundle",
    "--template",
    join(projectRoot, "docs", "template.hbs"),
  ]);
}

/**
 * Serves the page on loopback (port 0 picks a free one). Every path answers with the page: Redoc
 * routes its sections by path, so a deep link works as it would on a host with a fallback.
 */
export async function serveDocs(port: number): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    createReadStream(docsPage).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        // A browser keeps its connections open: end them, or close() would wait for them.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      serve: { type: "boolean", default: false },
      port: { type: "string", default: process.env.DOCS_PORT ?? "4020" },
    },
  });
  buildDocs();
  console.log(`Built ${docsPage}`);
  if (values.serve) {
    const server = await serveDocs(Number(values.port));
    console.log(`Docs: ${server.url}/ (Ctrl-C stops)`);
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void server.close());
  }
}
