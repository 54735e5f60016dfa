// A Response whose body was already read (within the attempt, under its timeout). It answers
// text() and json() from memory, without building a body stream: a Response with a body costs
// five times one without, on every call. Its headers are the answer's own Headers, not a copy
// (a Response made with headers copies them one by one). The other body readers get a real body
// on demand.
export class BufferedResponse extends Response {
  readonly #text: string;
  readonly #headers: Headers;
  #parsed: { value: unknown } | undefined;
  #real: Response | undefined;

  /** `parsed` is the JSON value of `text` when it was parsed already. */
  constructor(text: string, { headers, ...init }: ResponseInit, parsed?: { value: unknown }) {
    super(null, init);
    this.#text = text;
    this.#headers = headers instanceof Headers ? headers : new Headers(headers);
    this.#parsed = parsed;
  }

  override get headers(): Headers {
    return this.#headers;
  }

  override text(): Promise<string> {
    return Promise.resolve(this.#text);
  }

  override json(): Promise<any> {
    try {
      this.#parsed ??= { value: JSON.parse(this.#text) };
      return Promise.resolve(this.#parsed.value);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  override clone(): BufferedResponse {
    return new BufferedResponse(this.#text, this.#init(), this.#parsed);
  }

  override get body(): Response["body"] {
    return this.#text === "" ? null : this.#realResponse().body;
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return this.#realResponse().arrayBuffer();
  }

  override blob(): Promise<Blob> {
    return this.#realResponse().blob();
  }

  override formData(): Promise<FormData> {
    return this.#realResponse().formData();
  }

  #init(): ResponseInit {
    return { status: this.status, statusText: this.statusText, headers: this.#headers };
  }

  #realResponse(): Response {
    this.#real ??= new Response(this.#text === "" ? null : this.#text, this.#init());
    return this.#real;
  }
}
