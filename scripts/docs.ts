// `npm run docs`: builds the reference docs into dist/docs/index.html, one self-contained page
// (Redoc inlined, no request to another host), with CHANGELOG.md beside it, where the page's
// "Changes" section links. `npm run docs:serve` also serves both on loopback.
import { copyFileSync, createReadStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { isMain } from "./is-main.ts";
import { projectRoot, redocly } from "./redocly.ts";

export const docsDir = join(projectRoot, "dist", "docs");
export const docsPage = join(docsDir, "index.html");
const changelog = join(projectRoot, "CHANGELOG.md");

interface Tag {
  name: string;
  description?: string;
}

/**
 * What the docs render: the bundled description, with what docs/guide.yaml adds about the docs
 * and the tools around the API (the local mock among the servers, guide sections, the
 * navigation). A client generated from the description carries none of it.
 */
export function docsDocument(): Record<string, unknown> {
  const document = JSON.parse(readFileSync(join(projectRoot, "generated", "openapi.json"), "utf8")) as { servers?: unknown[]; tags?: Tag[] } & Record<string, unknown>;
  const guide = parse(readFileSync(join(projectRoot, "docs", "guide.yaml"), "utf8")) as {
    servers: unknown[];
    tags: Tag[];
    append: Record<string, string>;
    "x-tagGroups": unknown[];
  };
  const tags = (document.tags ?? []).map((tag) => {
    const more = guide.append[tag.name];
    return more ? { ...tag, description: `${tag.description ?? ""}\n${more}` } : tag;
  });
  for (const name of Object.keys(guide.append)) {
    if (!tags.some((tag) => tag.name === name)) throw new Error(`docs/guide.yaml appends to the section ${name}, which the description does not have.`);
  }
  return { ...document, servers: [...(document.servers ?? []), ...guide.servers], tags: [...tags, ...guide.tags], "x-tagGroups": guide["x-tagGroups"] };
}

/** The page at `output` (the release's artefacts have their own), and the changelog beside it. */
export function buildDocs(output: string = docsPage): void {
  // Redocly reads the composed document from a file of its own, removed once the page is built.
  const work = join(dirname(output), ".docs-source");
  mkdirSync(work, { recursive: true });
  const source = join(work, "openapi.json");
  writeFileSync(source, JSON.stringify(docsDocument()));
  try {
    buildPage(source, output);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (existsSync(changelog)) copyFileSync(changelog, join(dirname(output), "CHANGELOG.md"));
}

function buildPage(source: string, output: string): void {
  redocly([
    "build-docs",
    source,
    "--output",
    output,
    "--inlineBundle",
    "--template",
    join(projectRoot, "docs", "template.hbs"),
  ]);
}

/**
 * Serves the page on loopback (port 0 picks a free one). Every path answers with the page, as on
 * a host with a fallback: Redoc's links are hashes (`#/pagination`), but the `href`s of its
 * menu read as paths (`/pagination`), so a menu item opened in a new tab still finds the page,
 * at its top. All but CHANGELOG.md, the page's one link to a file beside it: shown as text, or
 * 404 before the first release has written one (the page in its place would pass for one).
 */
export async function serveDocs(port: number): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const copied = join(docsDir, "CHANGELOG.md");
    if (new URL(request.url ?? "/", "http://localhost").pathname.endsWith("/CHANGELOG.md")) {
      if (!existsSync(copied)) {
        response.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
        response.end("No CHANGELOG.md beside the page: the first release writes it.\n");
        return;
      }
      response.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      createReadStream(copied).pipe(response);
      return;
    }
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
