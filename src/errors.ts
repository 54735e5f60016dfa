// The client's errors: one family, each class named for what went wrong. No error ever holds
// the request, its headers or the client's options, and what an error takes from an answer (its
// message, headers and body) or from what fetch threw has the request's credentials taken out
// (redact.ts): the API key and the token cannot leak through a message, `String(error)`,
// `JSON.stringify(error)` or `util.inspect(error)`, even when a server echoes them.
import { redact, redactHeaders, redactValue, secretsOf, shows } from "./redact.js";
import { parseRetryAfter } from "./retry-after.js";
import type { ErrorCode, OperationId } from "./types.js";

/** What every error of this client has. `ids` is set when getAlbums names the IDs that failed. */
export class AlbumsError extends Error {
  override name = "AlbumsError";
  ids: readonly string[] | undefined;

  toJSON(): Record<string, unknown> {
    const { stack: _stack, cause: _cause, ...fields } = Object.fromEntries(Object.entries(this));
    return { ...fields, name: this.name, message: this.message };
  }
}

/** The caller's input was refused before anything was sent. */
export class AlbumsInputError extends AlbumsError {
  override name = "AlbumsInputError";
}

/**
 * The API answered with a status outside 2xx, or with a body that is not the documented one; or
 * with an answer the client refuses: a redirect elsewhere, a body past `maxResponseBytes`.
 */
export class AlbumsApiError extends AlbumsError {
  override name = "AlbumsApiError";
  /** The HTTP status of the response. */
  readonly status: number;
  /**
   * The API's machine code (`error.code`), or the client's own: `UNEXPECTED_RESPONSE` when the body
   * is not the API's envelope, `REDIRECT_REFUSED`, `TOO_MANY_REDIRECTS`, `RESPONSE_TOO_LARGE`.
   */
  readonly code: ErrorCode;
  /** Amazon's ID of this failure, to quote when asking for help. */
  readonly reference: string | undefined;
  /** How long the response asked to wait before retrying (`Retry-After`), in milliseconds. */
  readonly retryAfterMs: number | undefined;
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
    retryAfterMs?: number | undefined;
    headers: Headers;
    body: unknown;
    /** The credentials the request carried: taken out of the code, message, reference, headers and body. */
    credentials?: readonly string[] | undefined;
  }) {
    const secrets = secretsOf(init.credentials ?? []);
    const code = redact(init.code, secrets);
    super(`${init.operation} failed with ${init.status} ${code}: ${redact(init.message, secrets)}`);
    this.status = init.status;
    this.code = code;
    this.reference = init.reference === undefined ? undefined : redact(init.reference, secrets);
    this.retryAfterMs = init.retryAfterMs;
    this.operation = init.operation;
    this.headers = redactHeaders(init.headers, secrets);
    this.body = redactValue(init.body, secrets);
  }
}

/**
 * The request never got an answer: the connection failed or was reset. `cause` is what fetch
 * threw; when that showed a credential of the request, only its description without them.
 */
export class AlbumsNetworkError extends AlbumsError {
  override name = "AlbumsNetworkError";
  readonly operation: OperationId;
  /** `credentials`: the secrets the request carried, which the message and the cause must not show. */
  constructor(operation: OperationId, cause: unknown, credentials: readonly string[] = []) {
    const secrets = secretsOf(credentials);
    const leaks = shows(cause, secrets);
    const described = leaks ? redact(describeCause(cause), secrets) : describeCause(cause);
    super(`${operation} failed: no answer from the API (${described})`, { cause: leaks ? new Error(described) : cause });
    this.operation = operation;
  }
}

/** One attempt took longer than `timeoutMs`, headers and body included. */
export class AlbumsTimeoutError extends AlbumsError {
  override name = "AlbumsTimeoutError";
  readonly operation: OperationId;
  readonly timeoutMs: number;
  constructor(operation: OperationId, timeoutMs: number) {
    super(`${operation} failed: no complete answer within ${timeoutMs} ms`);
    this.operation = operation;
    this.timeoutMs = timeoutMs;
  }
}

/** The API's pages do not lead to an end: a token came back twice, or a next page had no token. */
export class AlbumsPaginationError extends AlbumsError {
  override name = "AlbumsPaginationError";
  /** How many pages were read before the problem showed. */
  readonly pages: number;
  constructor(message: string, pages: number) {
    super(`getLibraryAlbums: ${message} after ${pages} page${pages === 1 ? "" : "s"}; stopped instead of looping.`);
    this.pages = pages;
  }
}

/**
 * Maps a response outside 2xx (or a 2xx without the documented body) to an AlbumsApiError;
 * `credentials` are those the request carried, which the error must not show.
 */
export function apiErrorFrom(operation: OperationId, response: Response, body: unknown, credentials?: readonly string[]): AlbumsApiError {
  const envelope = errorEnvelope(body);
  return new AlbumsApiError({
    operation,
    status: response.status,
    code: envelope?.code ?? "UNEXPECTED_RESPONSE",
    message: envelope?.message ?? `the body is not the API's ${response.ok ? "data" : "error"} envelope (${describeBody(response, body)})`,
    reference: envelope?.reference,
    retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
    headers: response.headers,
    body,
    credentials,
  });
}

/** An answer the client will not read or follow: an AlbumsApiError of the client's own `code`, without a body. */
export function refusal(operation: OperationId, response: Response, code: ErrorCode, message: string, credentials: readonly string[]): AlbumsApiError {
  return new AlbumsApiError({ operation, status: response.status, code, message, headers: response.headers, body: undefined, credentials });
}

/** Adds the IDs a getAlbums request carried to its error, in the message and as `ids`. */
export function withIds<E extends AlbumsError>(error: E, ids: readonly string[]): E {
  const shown = ids.length <= 3 ? ids.join(", ") : `${ids.slice(0, 3).join(", ")} and ${ids.length - 3} more`;
  error.message = `${error.message} [the request for ${ids.length} ID${ids.length === 1 ? "" : "s"}: ${shown}]`;
  error.ids = ids;
  return error;
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
  return body === undefined || body === "" ? `empty, ${type}` : type;
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  // undici puts the socket-level reason (ECONNRESET, ECONNREFUSED) in the cause's cause.
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : "";
  return `${cause.message}${inner}`;
}
