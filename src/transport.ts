// The fetch the typed client calls. It sets the credentials; gives each attempt its own timeout
// (headers and body included) tied to the caller's signal; follows a redirect only within the
// origin (redirects.ts); reads the body within maxResponseBytes (read-body.ts); tries a retryable
// answer or a failed connection again after a backoff or the `Retry-After` the API asked for; and
// refreshes an expired token once. What it returns is a fully read response, so no stall or reset
// can happen later.
import { currentToken, type Credentials } from "./auth.js";
import { BufferedResponse } from "./buffered-response.js";
import { AlbumsApiError, AlbumsNetworkError, AlbumsTimeoutError, apiErrorFrom, refusal, type AlbumsError } from "./errors.js";
import { operationOf } from "./operations.js";
import { readBody } from "./read-body.js";
import { maxRedirects, nextMethod, redirectOf } from "./redirects.js";
import { RequestPlan } from "./request-plan.js";
import { parseRetryAfter } from "./retry-after.js";
import { backoffMs, retryableStatuses, sleep, type RetryPolicy } from "./retry.js";

export interface TransportOptions {
  /**
   * A fetch given by the caller, called with a Request that carries everything (its signal and
   * redirect mode included); undefined for the runtime's fetch, which is given the signal and the
   * redirect mode as its second argument instead, so that nothing is copied.
   */
  fetch: ((request: Request) => Promise<Response>) | undefined;
  credentials: Credentials;
  policy: RetryPolicy;
  timeoutMs: number;
  /** The most bytes a body may have, decoded. */
  maxResponseBytes: number;
  /** The client's base URL, without a trailing slash. */
  baseUrl: string;
}

interface Answer {
  response: Response;
  body: Uint8Array;
}

/** A request to send: a Request (the raw client's calls), or the plan of one (the methods' calls). */
type Outgoing = Request | RequestPlan;

/** Sends one request of an attempt, with the attempt's signal, telling fetch not to follow a redirect. */
type Send = (request: Outgoing, signal: AbortSignal) => Promise<Response>;

/** The credentials each response of the transport was sent with: what an error made from it must not show. */
const sentWith = new WeakMap<Response, readonly string[]>();

export function credentialsSentFor(response: Response): readonly string[] {
  return sentWith.get(response) ?? [];
}

export function createTransport(options: TransportOptions): (request: Request) => Promise<Response> {
  const { policy, credentials } = options;
  const send = sender(options.fetch);
  // A fixed token: the same list for every call, not one made per call.
  const fixed = typeof credentials.accessToken === "string" ? [credentials.apiKey, credentials.accessToken] : undefined;

  return async function transport(sent: Outgoing) {
    // A plan's signal is the caller's own; a Request's follows the caller's.
    const caller = sent.signal;
    const token = fixed ? (fixed[1] as string) : await currentToken(credentials.accessToken);
    let sentCredentials = fixed ?? [credentials.apiKey, token];
    sent.headers.set("x-api-key", credentials.apiKey);
    sent.headers.set("authorization", `Bearer ${token}`);
    const started = Date.now();
    let current = sent;
    let refreshed = false;

    for (let attempt = 1; ; attempt++) {
      let outcome: Answer | AlbumsError;
      try {
        outcome = await attemptOnce(new Attempt(sent, current, caller, sentCredentials), send, options);
      } catch (error) {
        if (caller?.aborted) throw caller.reason;
        // An answer the client refuses (a redirect elsewhere, a body too large) is final.
        if (error instanceof AlbumsApiError) throw error;
        outcome = error as AlbumsError;
      }

      if ("response" in outcome) {
        const { response, body } = outcome;
        if (!refreshed && response.status === 401 && typeof credentials.accessToken === "function" && isExpiredToken(body)) {
          // The token expired: ask the caller's function for a fresh one, once, and try again (not counted as a retry).
          refreshed = true;
          attempt--;
          const fresh = await currentToken(credentials.accessToken);
          sentCredentials = [...sentCredentials, fresh];
          current = withBearer(current, fresh);
          continue;
        }
        if (!retryableStatuses.has(response.status)) return rebuild(sent, outcome, sentCredentials, options.baseUrl);
      }

      const retryAfterMs = "response" in outcome ? parseRetryAfter(outcome.response.headers.get("retry-after")) : undefined;
      const wait = retryAfterMs ?? backoffMs(policy, attempt);
      const mayRetry =
        attempt < policy.maxAttempts &&
        wait <= policy.maxDelayMs &&
        Date.now() - started + wait <= policy.deadlineMs;
      if (!mayRetry) {
        if ("response" in outcome) return rebuild(sent, outcome, sentCredentials, options.baseUrl);
        throw outcome;
      }
      await sleep(wait, caller);
    }
  };
}

/**
 * Sends with the runtime's fetch (`given` undefined): a plan's parts, or a Request as it is, with
 * the signal and redirect: "manual" beside them (fetch makes its own Request of what it is given
 * in any case). A fetch given by the caller takes a Request alone, made to carry them.
 */
function sender(given: ((request: Request) => Promise<Response>) | undefined): Send {
  return (request, signal) => {
    const plan = request instanceof RequestPlan;
    const target = plan ? request.url : request;
    const init = plan ? { method: request.method, headers: request.headers, signal, redirect: "manual" as const } : sendInit(request, signal);
    return given ? given(new Request(target, init)) : globalThis.fetch(target, init);
  };
}

/**
 * What a Request needs besides itself: the attempt's signal, and redirect: "manual". A Request
 * made from another with any init forgets the referrer and its policy (fetch's Request
 * constructor resets both), so those are given again when they are not the defaults.
 */
function sendInit(request: Request, signal: AbortSignal): RequestInit {
  return request.referrer === "about:client" && request.referrerPolicy === ""
    ? { signal, redirect: "manual" }
    : { signal, redirect: "manual", referrer: request.referrer, referrerPolicy: request.referrerPolicy };
}

/**
 * One attempt of a call. It is also what ends the attempt: the listener of the caller's signal
 * (`handleEvent`) and the argument of its timer, so that an attempt makes no closures.
 */
class Attempt {
  timedOut = false;
  /** Aborts the attempt: on its timeout, or when the caller's signal aborts. */
  readonly controller = new AbortController();
  constructor(
    /** The request as openapi-fetch built it: what errors name the operation from. */
    readonly sent: Outgoing,
    readonly request: Outgoing,
    readonly caller: AbortSignal | undefined,
    /** The credentials the call has sent: what its errors must not show. */
    readonly credentials: readonly string[],
  ) {}

  /** The caller's signal aborted: so does the attempt, with the caller's reason. */
  handleEvent(): void {
    this.controller.abort(this.caller?.reason);
  }
}

function timeOut(attempt: Attempt): void {
  attempt.timedOut = true;
  attempt.controller.abort();
}

async function attemptOnce(attempt: Attempt, send: Send, options: TransportOptions): Promise<Answer> {
  // One timer and one listener per attempt, both released when it ends. (AbortSignal.any and
  // AbortSignal.timeout would do the same, but cost more per call, and AbortSignal.any keeps
  // its signals alive on Node 20.)
  const { caller, controller, credentials } = attempt;
  const timer = setTimeout(timeOut, options.timeoutMs, attempt);
  if (caller?.aborted) attempt.handleEvent();
  caller?.addEventListener("abort", attempt);
  try {
    let current = attempt.request;
    for (let redirects = 0; ; redirects++) {
      const response = await send(current, controller.signal);
      const redirect = redirectOf(response, current.url);
      if (redirect === undefined) {
        // Read the whole body within the attempt, so that a stall or a reset mid-body is retried too.
        const body = await readBody(response, options.maxResponseBytes);
        if (body !== undefined) return { response, body };
        const message = `the body of the answer is larger than maxResponseBytes (${options.maxResponseBytes} bytes); it was not read further.`;
        throw refusal(operationOf(attempt.sent, options.baseUrl), response, "RESPONSE_TOO_LARGE", message, credentials);
      }
      // A redirect's own body says nothing the client needs: let it go, which frees the connection.
      response.body?.cancel().catch(ignore);
      if ("refuse" in redirect) throw refusal(operationOf(attempt.sent, options.baseUrl), response, "REDIRECT_REFUSED", redirect.refuse, credentials);
      if (redirects === maxRedirects) {
        const message = `more than ${maxRedirects} redirects in a row, the last to ${redirect.follow.origin}; not followed further.`;
        throw refusal(operationOf(attempt.sent, options.baseUrl), response, "TOO_MANY_REDIRECTS", message, credentials);
      }
      current = redirected(current, redirect.follow, nextMethod(current.method, response.status));
    }
  } catch (error) {
    // The transport turns whatever ended an attempt into the caller's reason when the caller aborted.
    if (error instanceof AlbumsApiError) throw error;
    if (attempt.timedOut) throw new AlbumsTimeoutError(operationOf(attempt.sent, options.baseUrl), options.timeoutMs);
    throw new AlbumsNetworkError(operationOf(attempt.sent, options.baseUrl), error, credentials);
  } finally {
    clearTimeout(timer);
    caller?.removeEventListener("abort", attempt);
  }
}

function ignore(): void {}

const decoder = new TextDecoder();

/**
 * The response with its body already read. Every 2xx body of the API is JSON: one that does
 * not parse is an error here, whatever its content type says (a captive portal's HTML page).
 */
function rebuild(sent: Outgoing, { response, body }: Answer, credentials: readonly string[], baseUrl: string): Response {
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
  let rebuilt: BufferedResponse;
  if (response.ok && text !== "") {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw apiErrorFrom(operationOf(sent, baseUrl), response, text, credentials);
    }
    rebuilt = new BufferedResponse(text, init, { value });
  } else {
    rebuilt = new BufferedResponse(text, init);
  }
  sentWith.set(rebuilt, credentials);
  return rebuilt;
}

function isExpiredToken(body: Uint8Array): boolean {
  try {
    return (JSON.parse(decoder.decode(body)) as { error?: { code?: unknown } }).error?.code === "INVALID_ACCESS_TOKEN";
  } catch {
    return false;
  }
}

/** The request again with another bearer token. */
function withBearer(request: Outgoing, token: string): Outgoing {
  const headers = new Headers(request.headers);
  headers.set("authorization", `Bearer ${token}`);
  return request instanceof RequestPlan
    ? request.with({ headers })
    : new Request(request, { headers, referrer: request.referrer, referrerPolicy: request.referrerPolicy });
}

/**
 * The request for a redirect's next hop: the same one at the new URL, headers (and so
 * credentials) included, since the origin is the same. A Request keeps its options (cache,
 * credentials, integrity, keepalive, mode, referrer); no operation of the API sends a body.
 */
function redirected(request: Outgoing, url: URL, method: string): Outgoing {
  if (request instanceof RequestPlan) return request.with({ url: url.href, method });
  return new Request(url, {
    method,
    headers: request.headers,
    redirect: "manual",
    cache: request.cache,
    credentials: request.credentials,
    integrity: request.integrity,
    keepalive: request.keepalive,
    mode: request.mode,
    referrer: request.referrer,
    referrerPolicy: request.referrerPolicy,
  });
}
