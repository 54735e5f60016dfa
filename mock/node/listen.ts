// Listening and closing, the same for the mock and its proxy.
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";

/**
 * Listens on the port and host, and resolves with a URL a client on this machine can use: on an
 * address of every interface (0.0.0.0, ::), the loopback one of its family. Rejects with the error
 * when it cannot listen (EADDRINUSE), and leaves no listener behind.
 */
export async function listenOn(server: Server, port: number, host = "127.0.0.1"): Promise<string> {
  server.listen(port, host);
  await once(server, "listening");
  const { port: bound } = server.address() as AddressInfo;
  const usable = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "::1" : host;
  return `http://${usable.includes(":") ? `[${usable}]` : usable}:${bound}`;
}

/** Stops listening and ends every connection: idle keep-alive ones would hold close() open until they time out. */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
