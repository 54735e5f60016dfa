// Loopback HTTP servers for the benchmark: an album server, a slow multi-get, a generated library.
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export const albumBody = JSON.stringify({
  data: { album: { id: "B0064UPU4G", title: "Discovery", url: "https://music.amazon.com/albums/B0064UPU4G", trackCount: 14 } },
});

export interface Running {
  url: string;
  close(): Promise<void>;
}

export async function serve(listener: RequestListener): Promise<Running> {
  const server: Server = createServer({ keepAliveTimeout: 10_000 }, listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        // Keep-alive connections first, or close() would wait for them.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const albumServer = () =>
  serve((_, response) => {
    response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(albumBody) });
    response.end(albumBody);
  });

/** Answers each multi-get after `delayMs`, with one album per requested ID. */
export const slowMultiGet = (delayMs: number) =>
  serve((request, response) => {
    const ids = new URL(request.url ?? "", "http://x").searchParams.get("ids")?.split(",") ?? [];
    setTimeout(() => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ data: { albums: ids.map((id) => ({ id, title: `Album ${id}`, url: `https://music.amazon.com/albums/${id}` })) } }));
    }, delayMs);
  });

/** A library of `size` albums, served in pages of `limit`, generated on the fly. */
export const library = (size: number) =>
  serve((request, response) => {
    const query = new URL(request.url ?? "", "http://x").searchParams;
    const limit = Number(query.get("limit") ?? 100);
    const start = Number(query.get("cursor")?.replace("page-", "") ?? 0);
    const end = Math.min(size, start + limit);
    const edges = Array.from({ length: end - start }, (_, i) => ({
      purchased: false,
      uploaded: false,
      node: { id: `B${String(start + i).padStart(9, "0")}`, title: `Album number ${start + i}` },
      objectId: "15e6a15f-4c2f-4b24-a2fd-286b37ad4fa3",
    }));
    const pageInfo = end < size ? { hasNextPage: true, token: `page-${end}` } : { hasNextPage: false };
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ data: { user: { id: "u1", libraryAlbums: { pageInfo, edgeCount: edges.length, edges } } } }));
  });
