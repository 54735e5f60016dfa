// A Request that carries the abort controller of its attempt. openapi-fetch builds every request
// with it (its documented `Request` option), so the first attempt is sent as built: copying a
// Request to give it a new signal costs more than the rest of the client together.
export class TimedRequest extends Request {
  /** Aborts this attempt: on its timeout, or when the caller's signal aborts. */
  readonly controller: AbortController;
  /** The caller's own signal, if any (this request's `signal` is the controller's). */
  readonly callerSignal: AbortSignal | undefined;

  constructor(input: RequestInfo | URL, init: RequestInit = {}) {
    const controller = new AbortController();
    super(input, { ...init, signal: controller.signal });
    this.controller = controller;
    this.callerSignal = init.signal ?? undefined;
  }

  /** The same request for another attempt, with a fresh controller and, if given, other headers. */
  again(headers: Headers = this.headers): TimedRequest {
    // Made from this request, so that every option it carries (cache, credentials, keepalive,
    // ...) holds for the retry too. The referrer and its policy are given again: the Request
    // constructor resets both when it is given any init. No operation of the API has a body.
    return new TimedRequest(this, {
      headers,
      referrer: this.referrer,
      referrerPolicy: this.referrerPolicy,
      ...(this.callerSignal ? { signal: this.callerSignal } : {}),
    });
  }
}
