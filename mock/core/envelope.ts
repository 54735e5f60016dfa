// Every answer of the mock that is not a success: the API's error envelope,
// `{"error": {"status", "code", "message"}}`, with the status as a string, as Amazon documents it.

/** What the mock answers: a status, headers (lower-case names) and a JSON body, if any. */
export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** A refusal, thrown anywhere on the way and turned into the envelope once. */
export class MockError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toResponse(): MockResponse {
    return envelope(this.status, this.code, this.message, this.headers);
  }
}

export function envelope(status: number, code: string, message: string, headers: Record<string, string> = {}): MockResponse {
  return { status, headers, body: { error: { status: String(status), code, message } } };
}

export const badRequest = (message: string) => new MockError(400, "BAD_REQUEST", message);

/** A value quoted for a message, cut short: requests can carry anything, of any length. */
export function quote(value: string, max = 60): string {
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
}
