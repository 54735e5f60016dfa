// `npm run docs`: builds the reference docs into dist/docs/index.html, one self-contained page
// (Redoc inlined, no request to another host). `npm run docs:serve` also serves it on loopback.
import { createReadStream } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { parseArgs } from "node:util";
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

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      serve: { type: "boolean", default: false },
      port: { type: "string", default: process.env.DOCS_PORT ?? "4020" },
    },
  });
  buildDocs();
  console.log(`Built ${docsPage}`);
  if (values.serve) {
    const server = createServer((request, response) => {
      const path = new URL(request.url ?? "/", "http://localhost").pathname;
      if (path !== "/" && path !== "/index.html") {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      createReadStream(docsPage).pipe(response);
    });
    server.listen(Number(values.port), "127.0.0.1", () => {
      console.log(`Docs: http://127.0.0.1:${values.port}/ (Ctrl-C stops)`);
    });
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => server.close());
  }
}
