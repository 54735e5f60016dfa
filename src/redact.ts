// What a custom fetch threw can quote the request it was given, credentials included (a logging
// wrapper's message, a proxy library's error with the headers). A network error quotes its cause
// and keeps it as `cause`, which Node's console prints whole: when a credential shows anywhere in
// it, the network error quotes it without the credentials and keeps only that text as its cause.

/** The credentials a request carries: the bearer token and the API key. */
export function credentialsOf(request: Request): string[] {
  const token = (request.headers.get("authorization") ?? "").replace(/^Bearer +/i, "");
  // Longest first: were one a part of the other, the shorter going first would leave the rest of the longer.
  return [token, request.headers.get("x-api-key") ?? ""].filter(Boolean).sort((a, b) => b.length - a.length);
}

export const redact = (text: string, secrets: readonly string[]): string =>
  secrets.reduce((result, secret) => result.split(secret).join("[redacted]"), text);

/** Whether a secret shows in the value: as its text, or in its message, stack, cause or fields (to a depth). */
export function shows(value: unknown, secrets: readonly string[], depth = 0): boolean {
  if (depth > 5 || value == null) return false;
  if (typeof value !== "object") return secrets.some((secret) => String(value).includes(secret));
  const error = value as Partial<Error>;
  return [error.message, error.stack, error.cause, ...Object.values(value)].some((part) => shows(part, secrets, depth + 1));
}
