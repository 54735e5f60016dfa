// Answers of a hostile or broken server, as steps for the fault server (fault-server.ts):
// redirects anywhere, compression bombs, bodies that never end, lengths that lie.
import type { ServerResponse } from "node:http";
import { brotliCompressSync, constants, deflateSync, gzipSync } from "node:zlib";
import type { Step } from "./fault-server.ts";

export const redirectStatuses = [301, 302, 303, 307, 308] as const;

/** A redirect to `location`, with a small body of its own (as most servers send). */
export function redirect(status: number, location: string): Step {
  return (_, response) => {
    response.writeHead(status, { location, "content-type": "text/html" });
    response.end(`<a href="${location}">moved</a>`);
  };
}

export type Encoding = "gzip" | "deflate" | "br";

/**
 * `size` bytes of zeros, compressed: a few kilobytes that a client inflates to `size`. Brotli at a
 * low quality, so that making it stays quick on a loaded machine.
 */
export function bomb(encoding: Encoding, size: number): Buffer {
  const zeros = Buffer.alloc(size);
  if (encoding === "gzip") return gzipSync(zeros, { level: 9 });
  if (encoding === "deflate") return deflateSync(zeros, { level: 9 });
  return brotliCompressSync(zeros, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } });
}

/** Sends a compressed body as it is, with its Content-Encoding and its (compressed) length. */
export function compressed(status: number, encoding: Encoding, body: Buffer): Step {
  return (_, response) => {
    response.writeHead(status, { "content-type": "application/json", "content-encoding": encoding, "content-length": String(body.length) });
    response.end(body);
  };
}

export interface Endless {
  step: Step;
  /** How many bytes the server wrote before the client let go. */
  written(): number;
  /** Resolves when the client has closed the connection (the server stops writing then). */
  closed: Promise<void>;
}

/** A 200 whose chunked body never ends: it writes as fast as the client reads, until the client closes. */
export function endless(): Endless {
  let written = 0;
  let closedNow: () => void = () => {};
  const closed = new Promise<void>((resolve) => (closedNow = resolve));
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const step: Step = (_, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.write("[");
    const pump = () => {
      // Write until the socket's buffer is full, then wait for it to drain: a client that stops
      // reading stops the server, so "written" is about what the client read.
      while (!response.destroyed && response.write(chunk)) written += chunk.length;
      if (!response.destroyed) written += chunk.length;
    };
    response.on("drain", pump);
    response.on("close", () => closedNow());
    pump();
  };
  return { step, written: () => written, closed };
}

/** Announces a body of `length` bytes, sends a few of them, and then nothing more (until the server closes). */
export function lyingLength(length: number): Step {
  return (_, response: ServerResponse) => {
    response.writeHead(200, { "content-type": "application/json", "content-length": String(length) });
    response.write('{"data":');
  };
}

/** Never answers at all: not even the status line. */
export const silent: Step = () => {};
