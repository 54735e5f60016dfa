// The fetch the typed client calls: each attempt gets its own timeout (headers and body
// included) joined to the caller's signal; a retryable answer or a failed connection is tried
// again after a backoff or the `Retry-After` the API asked for; an expired token is refreshed
// once. What it returns is a fully read response, so no stall or reset can happen later.
import { currentToken, type Credentials } from "./auth.ts";
import { AlbumsNetworkError, AlbumsTimeoutError, apiErrorFrom, type AlbumsError } from "./errors.ts";
import { operationOf } from "./operations.ts";
import { parseRetryAfter } from "./retry-after.ts";
import { backoffMs, retryableStatuses, sleep, type RetryPolicy } from "./retry.ts";
import type { OperationId } from "./types.ts";

export interface TransportOptions {
  fetch: (request: Request) => Promise<Response>;
  credentials: Credentials;
  policy: RetryPolicy;
  timeoutMs: number;
  /** The path of the base URL, such as `/v1`. */
  basePath: string;
  /** For tests of the backoff; Math.random otherwise. */
  random?: () => number;
}

interface Answer {
  response: Response;
  body: ArrayBuffer;
}

export function createTransport(options: TransportOptions): (request: Request) => Promise<Response> {
  const { policy, random = Math.random } = options;

  return async function transport(request) {
    const operation = operationOf(request, options.basePath);
    // openapi-fetch puts the caller's signal on the request.
    const caller = request.signal;
    const started = Date.now();
    let current = request;
    let refreshed = false;

    for (let attempt = 1; ; attempt++) {
      let outcome: Answer | AlbumsError;
      try {
        outcome = await attemptOnce(operation, current, caller, options);
      } catch (error) {
        if (caller.aborted) throw caller.reason;
        outcome = error as AlbumsError;
      }

      if ("response" in outcome) {
        const { response, body } = outcome;
        if (!refreshed && response.status === 401 && typeof options.credentials.accessToken === "function" && isExpiredToken(body)) {
          // The token expired: ask the caller's function for a fresh one, once, and try again (not counted as a retry).
          refreshed = true;
          attempt--;
          current = withBearer(request, await currentToken(options.credentials.accessToken));
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

async function attemptOnce(
  operation: OperationId,
  request: Request,
  caller: AbortSignal,
  options: TransportOptions,
): Promise<Answer> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  try {
    const response = await options.fetch(new Request(request, { signal: AbortSignal.any([caller, timeout]) }));
    // Read the whole body within the attempt, so that a stall or a reset mid-body is retried too.
    return { response, body: await response.arrayBuffer() };
  } catch (error) {
    if (caller.aborted) throw caller.reason;
    if (timeout.aborted) throw new AlbumsTimeoutError(operation, options.timeoutMs);
    throw new AlbumsNetworkError(operation, error);
  }
}

/** A response like the one received, with its body already read. A 2xx whose JSON does not parse is an error here. */
function rebuild(operation: OperationId, { response, body }: Answer): Response {
  const isJson = /\bjson\b/i.test(response.headers.get("content-type") ?? "");
  if (response.ok && isJson) {
    const text = new TextDecoder().decode(body);
    try {
      JSON.parse(text);
    } catch {
      throw apiErrorFrom(operation, response, text);
    }
  }
  const init = { status: response.status, statusText: response.statusText, headers: response.headers };
  return new Response(body.byteLength === 0 ? null : body, init);
}

function isExpiredToken(body: ArrayBuffer): boolean {
  try {
    const parsed = JSON.parse(new TextDecoder().decode(body)) as { error?: { code?: unknown } };
    return parsed.error?.code === "INVALID_ACCESS_TOKEN";
  } catch {
    return false;
  }
}

function withBearer(request: Request, token: string): Request {
  const headers = new Headers(request.headers);
  headers.set("authorization", `Bearer ${token}`);
  return new Request(request, { headers });
}
