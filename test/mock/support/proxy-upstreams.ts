// What the validating proxy's tests share (proxy.test.ts in this process, proxy-command.test.ts
// through the command): credentials to look for in what it writes, a local upstream, and one whose
// answers drift from the description (a missing title, a duration as text, JSON sent as text/plain,
// a gzip page of IDs of other forms, an HTML 418).
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";

export const apiKey = "amzn1.application.SECRET-KEY-7f3a";
export const accessToken = "SECRET-TOKEN-91c2";

export type UpstreamAnswer = { status: number; type?: string; body: string | Buffer; headers?: Record<string, string> } | "stall";

/** An upstream that answers what `route` says, on loopback; its URL ends in /v1. */
export async function upstream(route: (path: string, request: IncomingMessage) => UpstreamAnswer): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const answer = route(request.url ?? "/", request);
    if (answer === "stall") return;
    response.writeHead(answer.status, { ...(answer.type ? { "content-type": answer.type } : {}), ...answer.headers });
    response.end(answer.body);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, server };
}

export const album = {
  id: "B0064UPU4G",
  // title, which every album carries, is missing; duration is text; a new audio quality.
  duration: "3660",
  url: "https://music.amazon.com/albums/B0064UPU4G",
  audioQualities: ["SD", "DOLBY_ATMOS"],
};

const page = {
  data: {
    user: {
      id: "amzn1.account.AF3XJ2KQ7EXAMPLE",
      libraryAlbums: {
        pageInfo: { hasNextPage: false },
        edgeCount: 1,
        edges: [{ purchased: false, uploaded: false, node: { id: "B07B62ZK5S" }, objectId: "1629502893999:lib-entry-42" }],
      },
    },
  },
};

export function drifting(path: string): UpstreamAnswer {
  if (path.startsWith("/v1/albums/")) return { status: 200, type: "application/json", body: JSON.stringify({ data: { album } }) };
  if (path.startsWith("/v1/albums?")) return { status: 200, type: "text/plain", body: JSON.stringify({ data: { albums: [] } }) };
  if (path.startsWith("/v1/me/library/albums?") || path === "/v1/me/library/albums") return { status: 200, type: "application/json; charset=utf-8", body: gzipSync(JSON.stringify(page)), headers: { "content-encoding": "gzip" } };
  if (path.startsWith("/v1/me/library/albums/")) return { status: 418, type: "text/html", body: "<html>I'm a teapot</html>" };
  return { status: 404, type: "application/json", body: "{}" };
}
