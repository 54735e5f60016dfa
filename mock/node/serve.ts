// What the mock's command does once its command line is read: list the catalog, or serve until
// stopped, from the state file if given and writing it back on the way out with --persist.
import { createCatalog } from "../core/catalog.ts";
import { StateError } from "../core/state.ts";
import { publishedDocument } from "../documents.ts";
import { albumList, banner, listenFailure, proxyBanner } from "./cli-messages.ts";
import type { CliOptions } from "./cli-options.ts";
import { createMockServer } from "./server.ts";
import { readStateFile, writeStateFile } from "./state-file.ts";

/** Serves until the process is stopped; `onServing` receives how to stop it cleanly (the state written back first). */
export async function serve(options: CliOptions, onServing: (close: () => Promise<void>) => void): Promise<void> {
  if (options.proxy !== undefined) return proxy(options, options.proxy, onServing);
  if (options.listAlbums) {
    console.log(albumList(createCatalog({ document: publishedDocument, seed: options.provider.seed, generated: options.provider.generatedAlbums })));
    process.exit(0);
  }
  let mock;
  try {
    mock = await createMockServer({
      mode: options.static ? "static" : "realistic",
      dynamic: options.dynamic,
      provider: options.provider,
      ...(options.state === undefined ? {} : { state: readStateFile(options.state) }),
      ...(options.quiet ? {} : { log: (line: string) => console.log(line) }),
    });
  } catch (error) {
    if (!(error instanceof StateError)) throw error;
    console.error(`--state ${options.state}: ${error.message}`);
    process.exit(2);
  }
  const server = mock;
  let closing = false;
  onServing(async () => {
    closing = true;
    if (options.persist && options.state !== undefined && server.provider) {
      writeStateFile(options.state, server.provider.exportState());
      console.log(`Wrote the libraries to ${options.state} (--persist).`);
    }
    await server.close();
  });

  let url: string;
  try {
    url = await server.listen(options.port, options.host);
  } catch (error) {
    console.error(listenFailure(error as NodeJS.ErrnoException, options.host, options.port));
    await server.close();
    process.exit(1);
  }
  // It answers from here on; it says it serves once Prism's mocker, which a Prefer request needs,
  // has loaded in its worker thread, so that nothing waits after the banner.
  try {
    await server.ready;
  } catch (error) {
    // Stopped while Prism was loading: that is no failure to report.
    if (closing) return;
    console.error((error as Error).message);
    await server.close();
    process.exit(1);
  }
  console.log(banner(url, options, server.provider?.catalog));
}

/** --proxy: forwards to the API and reports how it departs from the description. */
async function proxy(options: CliOptions, upstream: string, onServing: (close: () => Promise<void>) => void): Promise<void> {
  // Loaded only for --proxy: with it, node:https and node:zlib, which the mock itself never needs.
  const { createProxyServer } = await import("./proxy.ts");
  const server = await createProxyServer({
    upstream,
    ...(options.report === undefined ? {} : { report: options.report }),
    log: (line) => console.log(line),
    logRequests: !options.quiet,
  });
  onServing(() => server.close());
  let url: string;
  try {
    url = await server.listen(options.port, options.host);
  } catch (error) {
    console.error(listenFailure(error as NodeJS.ErrnoException, options.host, options.port));
    process.exit(1);
  }
  console.log(proxyBanner(url, upstream, options));
}
