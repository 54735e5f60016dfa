// The page of test/browser/msw.browser.test.ts, bundled for the browser: MSW's service worker
// with the mock's handlers (for production, as a client created without a baseUrl calls it), and
// our client. The test calls `window.albumsTest` once the page says it is ready.
import { setupWorker } from "msw/browser";
import { createHandlers } from "../../mock/msw.ts";
import { AlbumsApiError, createAlbumsClient } from "../../src/index.ts";

const handlers = createHandlers();
await setupWorker(...handlers).start({ serviceWorker: { url: "/mockServiceWorker.js" }, onUnhandledRequest: "error", quiet: true });

const client = (accessToken: string) => createAlbumsClient({ apiKey: "amzn1.application.msw-browser", accessToken, retry: false });

async function albumsTest(): Promise<Record<string, unknown>> {
  const album = await client("browser-user").getAlbum("B0064UPU4G");
  await client("browser-user").saveLibraryAlbum("B00D3PLC1K");
  const library = (await client("browser-user").getLibraryAlbums()).edges.map((edge) => edge.node.id);
  const other = (await client("another-user").getLibraryAlbums()).edges.length;
  const error = await client("browser-user").getAlbum("B000000000").then(
    () => "no error",
    (caught: unknown) => (caught instanceof AlbumsApiError ? `${caught.status} ${caught.code}` : String(caught)),
  );
  // Reads create no library: only the user who saved has one.
  return { title: album.title, library, other, error, users: Object.keys(handlers.state().users).length };
}

Object.assign(window, { albumsTest });
document.body.dataset.ready = "true";
