// The fetch the typed client calls: each attempt gets its own timeout (headers and body
// included) tied to the caller's signal; a retryable answer or a failed connection is tried
// again after a backoff or the `Retry-After` the API asked for; an expired token is refreshed
// once. What it returns is a fully read response, so no stall or reset can happen later.
import { currentToken, type Credentials } from "./auth.js";
import { BufferedResponse } from "./buffered-response.js";
import { AlbumsNetworkError, AlbumsTimeoutError, apiErrorFrom, type AlbumsError } from "./errors.js";
import { operationOf } from "./operations.js";
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
  /** For tests of the backoff; Math.random otherwise. */
  random?: () => number;
}

interface Answer {
  response: Response;
  text: string;
}

export function createTransport(options: TransportOptions): (request: Request) => Promise<Response> {
  const { policy, random = Math.random } = options;

  return async function transport(sent) {
    const operation = operationOf(sent, options.baseUrl);
    // openapi-fetch builds requests with TimedRequest (see client.ts); anything else is made one.
    const request = sent instanceof TimedRequest ? sent : new TimedRequest(sent);
    const caller = request.callerSignal;
    const started = Date.now();
    let current = request;
    let refreshed = false;

    for (let attempt = 1; ; attempt++) {
      // Each attempt needs a controller of its own: the first has the one it was built with.
      if (attempt > 1 || current.controller.signal.aborted) current = current.again();
      let outcome: Answer | AlbumsError;
      try {
        outcome = await attemptOnce(operation, current, options);
      } catch (error) {
        if (caller?.aborted) throw caller.reason;
        outcome = error as AlbumsError;
      }

      if ("response" in outcome) {
        const { response, text } = outcome;
        if (!refreshed && response.status === 401 && typeof options.credentials.accessToken === "function" && isExpiredToken(text)) {
          // The token expired: ask the caller's function for a fresh one, once, and try again (not counted as a retry).
          refreshed = true;
          attempt--;
          current = withBearer(current, await currentToken(options.credentials.accessToken));
          continue;
        }
        if (!retryableStatuses.has(response.status)) return rebuild(operation, outcome);
      }

      const retryAfterMs = "response" in outcome ? parseRetryAfter(outcome.response.headers.get("retry-after")) : undefined;
      const wait = retryAfterMs ?? backoffMs(policy, attempt, random);
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

async function attemptOnce(operation: OperationId, request: TimedRequest, options: TransportOptions): Promise<Answer> {
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
    return { response, text: await response.text() };
  } catch (error) {
    if (callerSignal?.aborted) throw callerSignal.reason;
    if (timedOut) throw new AlbumsTimeoutError(operation, options.timeoutMs);
    throw new AlbumsNetworkError(operation, error);
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener("abort", onAbort);
  }
}

/** The response with its body already read. A 2xx whose JSON does not parse is an error here. */
function rebuild(operation: OperationId, { response, text }: Answer): Response {
  const init = { status: response.status, statusText: response.statusText, headers: response.headers };
  if (response.ok && text !== "" && /\bjson\b/i.test(response.headers.get("content-type") ?? "")) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw apiErrorFrom(operation, response, text);
    }
    // Parsed once here; openapi-fetch's response.json() gets the value.
    return new BufferedResponse(text, init, { value });
  }
  return new BufferedResponse(text, init);
}

function isExpiredToken(text: string): boolean {
  try {
    return (JSON.parse(text) as { error?: { code?: unknown } }).error?.code === "INVALID_ACCESS_TOKEN";
  } catch {
    return false;
  }
}

function withBearer(request: TimedRequest, token: string): TimedRequest {
  const headers = new Headers(request.headers);
  headers.set("authorization", `Bearer ${token}`);
  return request.again(headers);
}
