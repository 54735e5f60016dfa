// The fetch the typed client calls: each attempt gets its own timeout (headers and body
// included) tied to the caller's signal; a retryable answer or a failed connection is tried
// again after a backoff or the `Retry-After` the API asked for; an expired token is refreshed
// once. What it returns is a fully read response, so no stall or reset can happen later.
import { currentToken, type Credentials } from "./auth.js";
import { BufferedResponse } from "./buffered-response.js";
import { AlbumsNetworkError, AlbumsTimeoutError, apiErrorFrom, type AlbumsError } from "./errors.js";
import { operationOf } from "./operations.js";
import { credentialsOf } from "./redact.js";
import { TimedRequest } from "./timed-request.js";
import { parseRetryAfter } from "./retry-after.js";
import { backoffMs, retryableStatuses, sleep, type RetryPolicy } from "./retry.js";
import type { OperationId } from "./types.js";

export interface TransportOptions {
  fetch: (request: Request) => Promise<Response>;
  credentials: Credentials;
  policy: RetryPolicy;
  timeoutMs: number;
  /** The client's base URL, without a trailing slash. */
  baseUrl: string;
}

interface Answer {
  response: Response;
  body: ArrayBuffer;
}

export function createTransport(options: TransportOptions): (request: Request) => Promise<Response> {
  const { policy } = options;

  return async function transport(sent) {
    // Only errors name the operation: worked out when one is made, not on every request.
    const operation = () => operationOf(sent, options.baseUrl);
    // openapi-fetch builds requests with TimedRequest (see client.ts); anything else is made one.
    const request = sent instanceof TimedRequest ? sent : new TimedRequest(sent, { signal: sent.signal });
    const caller = request.callerSignal;
    const started = Date.now();
    let current = request;
    let refreshed = false;

    for (let attempt = 1; ; attempt++) {
      // Each attempt needs a controller of its own: the first has the one it was built with.
      if (attempt > 1) current = current.again();
      let outcome: Answer | AlbumsError;
      try {
        outcome = await attemptOnce(operation, current, options);
      } catch (error) {
        if (caller?.aborted) throw caller.reason;
        outcome = error as AlbumsError;
      }

      if ("response" in outcome) {
        const { response, body } = outcome;
        if (!refreshed && response.status === 401 && typeof options.credentials.accessToken === "function" && isExpiredToken(body)) {
          // The token expired: ask the caller's function for a fresh one, once, and try again (not counted as a retry).
          refreshed = true;
          attempt--;
          current = withBearer(current, await currentToken(options.credentials.accessToken));
          continue;
        }
        if (!retryableStatuses.has(response.status)) return rebuild(operation, outcome);
      }

      const retryAfterMs = "response" in outcome ? parseRetryAfter(outcome.response.headers.get("retry-after")) : undefined;
      const wait = retryAfterMs ?? backoffMs(policy, attempt);
      const mayRetry =
        attempt < policy.maxAttempts &&
        wait <= policy.maxDelayMs &&
        Date.now() - started + wait <= policy.deadlineMs;
      if (!mayRetry) {
        if ("response" in outcome) return rebuild(operation, outcome);
        throw outcome;
      }
      await sleep(wait, caller);
    }
  };
}

async function attemptOnce(operation: () => OperationId, request: TimedRequest, options: TransportOptions): Promise<Answer> {
  // One timer and one listener per attempt, both released when it ends. (AbortSignal.any and
  // AbortSignal.timeout would do the same, but cost more per call, and AbortSignal.any keeps
  // its signals alive on Node 20.)
  const { controller, callerSignal } = request;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onAbort = () => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) onAbort();
  callerSignal?.addEventListener("abort", onAbort, { once: true });
  try {
    const response = await options.fetch(request);
    // Read the whole body within the attempt, so that a stall or a reset mid-body is retried too.
    return { response, body: await response.arrayBuffer() };
  } catch (error) {
    if (callerSignal?.aborted) throw callerSignal.reason;
    if (timedOut) throw new AlbumsTimeoutError(operation(), options.timeoutMs);
    throw new AlbumsNetworkError(operation(), error, credentialsOf(request));
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener("abort", onAbort);
  }
}

const decoder = new TextDecoder();

/**
 * The response with its body already read. Every 2xx body of the API is JSON: one that does
 * not parse is an error here, whatever its content type says (a captive portal's HTML page).
 */
function rebuild(operation: () => OperationId, { response, body }: Answer): Response {
  const text = decoder.decode(body);
  // The body is whole now: say how long, so that openapi-fetch takes the parsed value from
  // json() instead of reading text() and parsing it again (it does so without a length).
  let headers = response.headers;
  if (!headers.has("content-length")) {
    headers = new Headers(headers);
    headers.delete("transfer-encoding");
    headers.set("content-length", String(body.byteLength));
  }
  const init = { status: response.status, statusText: response.statusText, headers };
  if (response.ok && text !== "") {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw apiErrorFrom(operation(), response, text);
    }
    return new BufferedResponse(text, init, { value });
  }
  return new BufferedResponse(text, init);
}

function isExpiredToken(body: ArrayBuffer): boolean {
  try {
    return (JSON.parse(decoder.decode(body)) as { error?: { code?: unknown } }).error?.code === "INVALID_ACCESS_TOKEN";
  } catch {
    return false;
  }
}

function withBearer(request: TimedRequest, token: string): TimedRequest {
  const headers = new Headers(request.headers);
  headers.set("authorization", `Bearer ${token}`);
  return request.again(headers);
}
