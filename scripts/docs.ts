// `npm run docs`: builds the reference into dist/docs/: the working description's page
// (index.html), every release's page (releases/<version>/index.html), Scalar's files beside them
// (nothing loads from another host), the Differences page and the changelog.
// `npm run docs:serve` also serves them on loopback, compressed and with caching headers, beside
// the mock. Both refuse a bad option with what is wrong and exit 2 (`--help` for the options).
import { join } from "node:path";
import { isMain } from "./is-main.ts";
import { projectRoot } from "./redocly.ts";
import { parseDocsCommandLine, DocsUsageError, docsUsage } from "./docs/cli-options.ts";
import { serveSite, type SiteServer } from "./docs/serve.ts";
import { buildSite } from "./docs/site.ts";

export { docsDocument } from "./docs/document.ts";

export const docsDir = join(projectRoot, "dist", "docs");
export const docsPage = join(docsDir, "index.html");

/** The site at `outDir` (the release's artefacts have their own). */
export function buildDocs(outDir: string = docsDir): void {
  buildSite(outDir);
}

/** Serves dist/docs on loopback (port 0 picks a free one); `mock` is where the page's mock answers. */
export function serveDocs(port: number, options: { mock?: string; host?: string } = {}): Promise<SiteServer> {
  return serveSite(docsDir, { port, ...options });
}

if (isMain(import.meta.url)) {
  let options;
  try {
    options = parseDocsCommandLine(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof DocsUsageError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
  if (options.help) {
    console.log(docsUsage);
    process.exit(0);
  }
  buildDocs();
  console.log(`Built ${docsDir}/ (index.html and each release's under releases/)`);
  if (options.serve) {
    let server: SiteServer;
    try {
      server = await serveDocs(options.port, { mock: options.mock, host: options.host });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      console.error(code === "EADDRINUSE" ? `port ${options.port} is in use: pass --port or set DOCS_PORT` : `cannot listen on ${options.host}:${options.port}: ${(error as Error).message}`);
      process.exit(1);
    }
    console.log(`Docs: ${server.url}/ (Ctrl-C stops). "Test Request" sends to the mock at ${options.mock} first: start it with npm start.`);
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void server.close().then(() => process.exit(0)));
  }
}
