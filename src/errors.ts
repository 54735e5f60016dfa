// The client's errors: one family, each with a name of its own. No error ever holds the
// request, its headers or the client's options, so the API key and the token cannot leak
// through a message, `String(error)` or `JSON.stringify(error)`.
import type { ErrorCode, OperationId } from "./types.ts";

export class AlbumsError extends Error {
  override name = "AlbumsError";
}

/** The caller's input was refused before anything was sent. */
export class AlbumsInputError extends AlbumsError {
  override name = "AlbumsInputError";
}

/** The API answered with a status outside 2xx, or with a body that is not the documented one. */
export class AlbumsApiError extends AlbumsError {
  override name = "AlbumsApiError";
  /** The HTTP status of the response. */
  readonly status: number;
  /** The API's machine code (`error.code`); `UNEXPECTED_RESPONSE` when the body is not the API's error envelope. */
  readonly code: ErrorCode;
  /** Amazon's ID of this failure, to quote when asking for help. */
  readonly reference: string | undefined;
  readonly operation: OperationId;
  /** The response headers, as a plain object with lower-case names. */
  readonly headers: Record<string, string>;
  /** The parsed body (or its text, when it is not JSON). */
  readonly body: unknown;

  constructor(init: {
    operation: OperationId;
    status: number;
    code: ErrorCode;
    message: string;
    reference?: string | undefined;
    headers: Headers;
    body: unknown;
  }) {
    super(`${init.operation} failed with ${init.status} ${init.code}: ${init.message}`);
    this.status = init.status;
    this.code = init.code;
    this.reference = init.reference;
    this.operation = init.operation;
    this.headers = Object.fromEntries(init.headers.entries());
    this.body = init.body;
  }
}

/** Maps a response outside 2xx to an AlbumsApiError, whatever its body. */
export function apiErrorFrom(operation: OperationId, response: Response, body: unknown): AlbumsApiError {
  const envelope = errorEnvelope(body);
  return new AlbumsApiError({
    operation,
    status: response.status,
    code: envelope?.code ?? "UNEXPECTED_RESPONSE",
    message: envelope?.message ?? `the body is not the API's error envelope (${describeBody(response, body)})`,
    reference: envelope?.reference,
    headers: response.headers,
    body,
  });
}

function errorEnvelope(body: unknown): { code: string; message: string; reference?: string } | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== "object" || error === null) return undefined;
  const { code, message, reference } = error as Record<string, unknown>;
  if (typeof code !== "string" || typeof message !== "string") return undefined;
  return typeof reference === "string" ? { code, message, reference } : { code, message };
}

function describeBody(response: Response, body: unknown): string {
  const type = response.headers.get("content-type") ?? "no content type";
  if (body === undefined || body === "") return `empty, ${type}`;
  return `${type}`;
}
