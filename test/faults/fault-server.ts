// A real HTTP server on a free loopback port for fault tests: it answers each request with the
// next step of a script (the last step repeats), and records what it received.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type Step = (request: IncomingMessage, response: ServerResponse) => void;

export interface FaultServer {
  url: string;
  /** What each request asked for, in order, and when it arrived (Date.now()). */
  requests: Array<{ method: string; url: string; authorization: string | undefined; apiKey: string | undefined; at: number }>;
  /** Resolves once `count` requests have arrived: a test awaits them instead of polling or sleeping. */
  arrived(count?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startFaultServer(steps: Step[]): Promise<FaultServer> {
  const requests: FaultServer["requests"] = [];
  const waiting: Array<{ count: number; resolve: () => void }> = [];
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    const apiKey = request.headers["x-api-key"];
    requests.push({
      method: request.method ?? "",
      url: request.url ?? "",
      authorization: request.headers.authorization,
      apiKey: Array.isArray(apiKey) ? apiKey.join(", ") : apiKey,
      at: Date.now(),
    });
    for (const waiter of waiting.filter(({ count }) => requests.length >= count)) waiter.resolve();
    const step = steps[Math.min(requests.length, steps.length) - 1] as Step;
    step(request, response);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    arrived: (count = 1) =>
      new Promise((resolve) => {
        if (requests.length >= count) resolve();
        else waiting.push({ count, resolve });
      }),
    close: () =>
      new Promise((resolve) => {
        // Stalled responses hold their sockets open: end them so the server can close.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export const album = { id: "B0064UPU4G", title: "Discovery", url: "https://music.amazon.com/albums/B0064UPU4G" };

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Step {
  return (_, response) => {
    response.writeHead(status, { "content-type": "application/json", ...headers });
    response.end(JSON.stringify(body));
  };
}

export const ok = json(200, { data: { album } });

export function apiError(status: number, code: string, headers: Record<string, string> = {}): Step {
  return json(status, { error: { status: String(status), code, message: `${code} from the fault server.` } }, headers);
}

/** Closes the connection without answering. */
export const reset: Step = (request) => request.socket.destroy();

/** Sends the headers and half the body, then stops forever (until the server closes). */
export const stall: Step = (_, response) => {
  response.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
  response.write('{"data":{"album":');
};

/** A complete response whose JSON is cut short. */
export const truncatedJson: Step = (_, response) => {
  const body = JSON.stringify({ data: { album } }).slice(0, 25);
  response.writeHead(200, { "content-type": "application/json", "content-length": String(body.length) });
  response.end(body);
};

export const html502: Step = (_, response) => {
  response.writeHead(502, { "content-type": "text/html" });
  response.end("<html><body><h1>502 Bad Gateway</h1></body></html>");
};

/** A library page; `token` undefined with `hasNextPage: true` is the broken server's case. */
export function libraryPage(edges: number, hasNextPage: boolean, token?: string, startId = 0): Step {
  const edgeList = Array.from({ length: edges }, (_, i) => ({
    purchased: false,
    uploaded: false,
    node: { id: `B${String(startId + i).padStart(9, "0")}` },
  }));
  const pageInfo = token === undefined ? { hasNextPage } : { hasNextPage, token };
  return json(200, { data: { user: { id: "u1", libraryAlbums: { pageInfo, edgeCount: edges, edges: edgeList } } } });
}
