// A Request that carries the abort controller of its first attempt, for a client given its own
// fetch (which takes a Request and nothing else: the signal and the redirect mode must be in it).
// openapi-fetch builds every request with it (its documented `Request` option), so the first
// attempt is sent as built: copying a Request to give it a signal costs more than the rest of the
// client together. A client on the runtime's fetch uses plain requests instead, and hands fetch
// the signal as its second argument (transport.ts).
export class TimedRequest extends Request {
  /** Aborts the first attempt: on its timeout, or when the caller's signal aborts. */
  readonly controller: AbortController;
  /** The caller's own signal, if any (this request's `signal` is the controller's). */
  readonly callerSignal: AbortSignal | undefined;

  constructor(input: RequestInfo | URL, init: RequestInit = {}) {
    const controller = new AbortController();
    // Never followed by fetch: the transport follows redirects itself (redirects.ts).
    super(input, { ...init, redirect: "manual", signal: controller.signal });
    this.controller = controller;
    this.callerSignal = init.signal ?? undefined;
  }
}
