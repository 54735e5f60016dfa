// Keeps the credentials out of what the client shows. A server may echo them anywhere (a message
// quoting the key, a header, a body's values or keys, a redirect's Location, percent-encoded), and
// a custom fetch's error may quote the request: every text the client takes from an answer or a
// failed fetch goes through here before it lands in an error.
//
// Only what can really be a credential is taken out: a whole occurrence, not one inside a longer
// word. A short credential (a test's "k" and "t") occurs inside ordinary words ("fetch failed:
// connect ECONNREFUSED"), which must stay as they are. One of 12 characters or more cannot occur by
// chance: it is taken out wherever it shows, even joined to other letters. No regular expression
// is built from a credential: occurrences are found with indexOf.

export const redacted = "[redacted]";
/** From this length on, a credential is taken out wherever it shows. */
const unmistakableLength = 12;

/**
 * What to look for, given the credentials a request carried: each as it is and percent-encoded
 * (as a server puts it in a URL), longest first, so that a credential that holds another is taken
 * out whole before the shorter one could split it.
 */
export function secretsOf(credentials: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const credential of credentials) {
    if (credential === "") continue;
    forms.add(credential);
    // A credential fetch can send always encodes; one that cannot (a lone surrogate) has no such form.
    try {
      forms.add(encodeURIComponent(credential));
    } catch {}
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

/** The text with every occurrence of a secret that can be one replaced by `[redacted]`. */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) result = redactOne(result, secret);
  return result;
}

function redactOne(text: string, secret: string): string {
  let kept = "";
  let copied = 0;
  let at = text.indexOf(secret);
  while (at !== -1) {
    if (standsAlone(text, secret, at)) {
      kept += text.slice(copied, at) + redacted;
      copied = at + secret.length;
      at = text.indexOf(secret, copied);
    } else {
      at = text.indexOf(secret, at + 1);
    }
  }
  return copied === 0 ? text : kept + text.slice(copied);
}

/** Whether a secret shows in the text where it can be one. */
function appears(text: string, secret: string): boolean {
  for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + 1)) {
    if (standsAlone(text, secret, at)) return true;
  }
  return false;
}

/**
 * Whether the occurrence at `at` is the credential rather than a part of a longer word: where the
 * secret begins (or ends) with a letter or digit, the text must not go on with one there.
 */
function standsAlone(text: string, secret: string, at: number): boolean {
  if (secret.length >= unmistakableLength) return true;
  const joinedBefore = isWordCharacter(secret.codePointAt(0)) && isWordCharacter(codePointBefore(text, at));
  const joinedAfter = isWordCharacter(codePointBefore(secret, secret.length)) && isWordCharacter(text.codePointAt(at + secret.length));
  return !joinedBefore && !joinedAfter;
}

/** The code point that ends just before `index`: a whole surrogate pair when there is one. */
function codePointBefore(text: string, index: number): number | undefined {
  if (index === 0) return undefined;
  const low = text.charCodeAt(index - 1);
  const high = index >= 2 ? text.charCodeAt(index - 2) : 0;
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? text.codePointAt(index - 2) : low;
}

const wordLike = /^[\p{L}\p{M}\p{N}]$/u;

/** Letters and digits of any script, and `_`: what a word, or a credential, is made of. */
function isWordCharacter(code: number | undefined): boolean {
  if (code === undefined) return false;
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
  return wordLike.test(String.fromCodePoint(code));
}

/** Whether a secret shows in the value: as its text, or in its message, stack, cause or fields (to a depth). */
export function shows(value: unknown, secrets: readonly string[], depth = 0): boolean {
  if (depth > 5 || value == null) return false;
  if (typeof value !== "object") return secrets.some((secret) => appears(String(value), secret));
  const error = value as Partial<Error>;
  return [error.message, error.stack, error.cause, ...Object.values(value)].some((part) => shows(part, secrets, depth + 1));
}

/**
 * A copy of a parsed body with the secrets taken out of every string and every key, at any depth
 * (walked with a list, not recursion: a body nested a million deep is still copied). A string is
 * redacted as text; numbers, booleans and null stay as they are.
 */
export function redactValue(value: unknown, secrets: readonly string[]): unknown {
  const pending: Array<[from: object, to: object]> = [];
  const copyOf = (item: unknown): unknown => {
    if (typeof item === "string") return redact(item, secrets);
    if (typeof item !== "object" || item === null) return item;
    const copy = Array.isArray(item) ? [] : {};
    pending.push([item, copy]);
    return copy;
  };
  const root = copyOf(value);
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [from, to] = next;
    if (Array.isArray(from)) {
      for (const item of from) (to as unknown[]).push(copyOf(item));
      continue;
    }
    for (const [key, item] of Object.entries(from)) {
      const name = redact(key, secrets);
      // Defined, not assigned, when it is "__proto__": it stays a key of the copy.
      if (name === "__proto__") Object.defineProperty(to, name, { value: copyOf(item), enumerable: true, writable: true, configurable: true });
      else (to as Record<string, unknown>)[name] = copyOf(item);
    }
  }
  return root;
}

/** Response headers as a plain object with lower-case names, the secrets taken out of names and values. */
export function redactHeaders(headers: Headers, secrets: readonly string[]): Record<string, string> {
  return Object.fromEntries(Array.from(headers, ([name, value]) => [redact(name, secrets), redact(value, secrets)]));
}
