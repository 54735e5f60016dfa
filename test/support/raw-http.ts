// HTTP written on a socket as it is: requests no fetch sends (chunked bodies, a length announced
// and never sent), and answers read with every header.
import { once } from "node:events";
import { connect, type Socket } from "node:net";

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Connects to the mock at `url`; the caller ends or destroys the socket. */
export async function rawConnection(url: string): Promise<Socket> {
  const { port, hostname } = new URL(url);
  const socket = connect(Number(port), hostname);
  await once(socket, "connect");
  return socket;
}

/** Writes `request` (leaving the socket open unless `end`) and reads one answer, up to the server closing the connection. */
export async function rawRequest(url: string, request: string, end = true): Promise<RawAnswer> {
  const socket = await rawConnection(url);
  try {
    const text = readAll(socket);
    if (end) socket.end(request);
    else socket.write(request);
    return parse(await text);
  } finally {
    socket.destroy();
  }
}

/** Everything the socket receives until the other side ends it. */
export function readAll(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (received += chunk));
    socket.on("end", () => resolve(received));
    socket.on("error", reject);
  });
}

export function parse(text: string): RawAnswer {
  const split = text.indexOf("\r\n\r\n");
  const [statusLine = "", ...lines] = text.slice(0, split).split("\r\n");
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
  return { status: Number(statusLine.split(" ")[1]), headers, body: text.slice(split + 4) };
}
