// What openapi-fetch builds for the methods' own calls instead of a Request (its `Request`
// option, given per call): the URL, method, headers and caller's signal, and nothing else. A
// Request costs a few microseconds to make, an AbortSignal of its own among them (Node 20), and
// fetch makes another from it anyway; the transport hands fetch the plan's parts instead, so a
// call makes one Request, as bare openapi-fetch's fetch does. openapi-fetch gives what its
// `Request` option builds to fetch, to middleware and to nothing else, and reads only its
// `method`: the methods use plans only while `raw` has no middleware (client.ts), and `raw`'s own
// calls are always real Requests.
export class RequestPlan {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  /** The caller's signal, if any. */
  readonly signal: AbortSignal | undefined;

  constructor(url: string, init: RequestInit) {
    this.url = url;
    this.method = init.method ?? "GET";
    // openapi-fetch always gives the headers it merged as a Headers of its own.
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.signal = init.signal ?? undefined;
  }

  /** The same plan to another URL, method or headers (a redirect, a refreshed token). */
  with(changes: { url?: string; method?: string; headers?: Headers }): RequestPlan {
    return new RequestPlan(changes.url ?? this.url, {
      method: changes.method ?? this.method,
      headers: changes.headers ?? this.headers,
      ...(this.signal ? { signal: this.signal } : {}),
    });
  }
}
