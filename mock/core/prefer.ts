// The mock's controls, as Prism has them: `Prefer: code=404`, `Prefer: example=secondPage`,
// `Prefer: dynamic=true` (and `seed=` with it), combined with commas or semicolons. Other
// preferences (RFC 7240 has several) are not the mock's business and are ignored.
//
// Read with plain string operations, in one pass: any caller can send this header, before the
// rate limiter, and a regular expression over it once took seconds on a line of spaces.
import { badRequest } from "./envelope.ts";

export interface Preferences {
  code?: number;
  example?: string;
  dynamic?: boolean;
  seed?: string;
}

/** The longest Prefer header read; the mock's controls fit in a few dozen characters. */
export const maxPreferLength = 1024;

/** Undefined when the header asks nothing of the mock. */
export function parsePrefer(header: string | string[] | undefined): Preferences | undefined {
  if (header === undefined) return undefined;
  const text = [header].flat().join(",");
  if (text.length > maxPreferLength) throw badRequest(`The Prefer header is ${text.length} characters long; the mock reads at most ${maxPreferLength}.`);
  const preferences: Preferences = {};
  for (const part of text.split(/[,;]/)) {
    const equals = part.indexOf("=");
    const name = (equals === -1 ? part : part.slice(0, equals)).trim().toLowerCase();
    // The whitespace RFC 7240 allows around `=` and before a `;` or `,` is not part of the value, nor are its quotes.
    const value = equals === -1 ? "" : unquote(part.slice(equals + 1).trim());
    // A value that cannot be read whole (a quote inside it) is not the mock's control; a name
    // that is none of the four below is another preference, ignored by the switch.
    if (value === undefined) continue;
    switch (name) {
      case "code":
        if (!isStatus(value)) throw badRequest(`Prefer: code=${cut(value)} is not an HTTP status: use three digits, such as code=404.`);
        preferences.code = Number(value);
        break;
      case "example":
        if (value === "") throw badRequest("Prefer: example= names no example: use example=<name>, such as example=secondPage.");
        preferences.example = value;
        break;
      case "dynamic":
        if (value !== "true" && value !== "false") throw badRequest(`Prefer: dynamic=${cut(value)} is neither true nor false.`);
        preferences.dynamic = value === "true";
        break;
      case "seed":
        preferences.seed = value;
        break;
    }
  }
  return Object.keys(preferences).length === 0 ? undefined : preferences;
}

/** A value as the refusal quotes it: cut short, since a header can carry anything up to the limit. */
function cut(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

/** The value without the quotes around it; undefined when a quote stands anywhere else. */
function unquote(value: string): string | undefined {
  const inner = value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  return inner.includes('"') ? undefined : inner;
}

function isStatus(value: string): boolean {
  return value.length === 3 && value[0] !== undefined && "12345".includes(value[0]) && [...value.slice(1)].every((digit) => digit >= "0" && digit <= "9");
}
