// What `npm run docs` and `npm run docs:serve` take, read and checked without touching the
// process (scripts/docs.ts prints and exits), in the style of the mock's command line.
import { parseArgs } from "node:util";

export const docsUsage = `Usage: npm run docs [-- --help]
       npm run docs:serve -- [options]

Builds the reference docs into dist/docs/ (the current description's page, every release's
under releases/<version>/, the Differences page, the changelog); docs:serve also serves them.

  --port <n>      Port to serve on (default 4020, or $DOCS_PORT).
  --host <name>   Address to serve on (default 127.0.0.1).
  --mock <url>    Where the mock answers, for the page's "Test Request" (default
                  http://127.0.0.1:4010, or $MOCK_URL): on this machine, where npm start serves.
  --help          This text.`;

export interface DocsOptions {
  serve: boolean;
  port: number;
  host: string;
  mock: string;
  help: false;
}

/** A command line that cannot run: the message says why, and the script exits with 2. */
export class DocsUsageError extends Error {}

export function parseDocsCommandLine(args: string[], env: Record<string, string | undefined>): DocsOptions | { help: true } {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        serve: { type: "boolean", default: false },
        port: { type: "string", default: env.DOCS_PORT || "4020" },
        host: { type: "string", default: "127.0.0.1" },
        mock: { type: "string", default: env.MOCK_URL || "http://127.0.0.1:4010" },
        help: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    throw new DocsUsageError(`${(error as Error).message}\n\n${docsUsage}`);
  }
  if (values.help) return { help: true };
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) throw new DocsUsageError(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
  let mock: URL;
  try {
    mock = new URL(values.mock);
  } catch {
    throw new DocsUsageError(`--mock must be an http:// URL such as http://127.0.0.1:4010, not "${values.mock}".`);
  }
  if (mock.protocol !== "http:" && mock.protocol !== "https:") throw new DocsUsageError(`--mock must be an http:// URL such as http://127.0.0.1:4010, not "${values.mock}".`);
  // The page's Content-Security-Policy lets it reach loopback and production only.
  if (!["127.0.0.1", "localhost", "[::1]"].includes(mock.hostname)) throw new DocsUsageError(`--mock must be on this machine (127.0.0.1 or localhost), not "${values.mock}".`);
  return { serve: values.serve, port, host: values.host, mock: mock.origin, help: false };
}
