// Reads an answer's body within a limit. fetch inflates a compressed body as it is read, so 200 kB
// of gzip can become 200 MB: the body is read piece by piece and the decoded bytes counted, and
// as soon as they pass the limit the body is cancelled (which closes the connection) and nothing
// more is read. A Content-Length past the limit, on a body that is not compressed, is refused
// before reading anything; a compressed body's length counts the compressed bytes, so it is read
// and counted like one without a length.

const empty = new Uint8Array(0);

/** The whole body, or undefined when it is larger than `maxBytes` (it is then cancelled). */
export async function readBody(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  const { body } = response;
  if (body === null) return empty;
  const declared = response.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes && !response.headers.has("content-encoding")) {
    letGo(body.cancel());
    return undefined;
  }
  const reader = body.getReader();
  const pieces: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!(value instanceof Uint8Array)) throw new TypeError("the body of the answer is not bytes");
    size += value.byteLength;
    if (size > maxBytes) {
      letGo(reader.cancel());
      return undefined;
    }
    pieces.push(value);
  }
  return pieces.length === 1 ? (pieces[0] as Uint8Array) : joined(pieces, size);
}

function joined(pieces: readonly Uint8Array[], size: number): Uint8Array {
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const piece of pieces) {
    whole.set(piece, offset);
    offset += piece.byteLength;
  }
  return whole;
}

/**
 * A cancellation is not waited for: the answer is refused already, and a stream whose cancel
 * never settles (a custom fetch's) must not hold the call. Its failure has nothing to add.
 */
function letGo(cancelled: Promise<void>): void {
  cancelled.catch(() => undefined);
}
