// Checks of the caller's input, made before anything is sent. The bounds are the
// description's: test/unit/validate.test.ts holds them equal to generated/openapi.json.
import { AlbumsInputError } from "./errors.js";

export const albumIdPattern = /^[A-Z0-9]{10}$/;
export const pageLimit = { minimum: 1, maximum: 100 } as const;
/** The most IDs one getAlbums request may carry; more are split into several requests. */
export const maxIdsPerRequest = 100;

export function checkAlbumId(operation: string, id: unknown): string {
  if (typeof id !== "string" || !albumIdPattern.test(id)) {
    throw new AlbumsInputError(`${operation}: the album ID ${show(id)} is not 10 upper-case letters or digits.`);
  }
  return id;
}

export function checkAlbumIds(operation: string, ids: unknown): string[] {
  if (!Array.isArray(ids)) {
    throw new AlbumsInputError(`${operation}: the album IDs must be an array of strings, not ${show(ids)}.`);
  }
  if (ids.length === 0) throw new AlbumsInputError(`${operation}: the list of album IDs is empty.`);
  return ids.map((id: unknown, index) => {
    if (typeof id !== "string" || !albumIdPattern.test(id)) {
      throw new AlbumsInputError(
        `${operation}: album ID ${index + 1} of ${ids.length}, ${show(id)}, is not 10 upper-case letters or digits.`,
      );
    }
    return id;
  });
}

export function checkLimit(operation: string, limit: unknown, name = "limit"): number | undefined {
  if (limit === undefined) return undefined;
  if (typeof limit !== "number" || !Number.isInteger(limit) || limit < pageLimit.minimum || limit > pageLimit.maximum) {
    throw new AlbumsInputError(
      `${operation}: ${name} must be a whole number from ${pageLimit.minimum} to ${pageLimit.maximum}, not ${show(limit)}.`,
    );
  }
  return limit;
}

/** A whole number of at least 1, for options such as timeoutMs and concurrency. */
export function checkPositiveInteger(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    throw new AlbumsInputError(`${name} must be a whole number of at least 1, not ${show(value)}.`);
  }
  return value;
}

export function checkCursor(operation: string, cursor: unknown): string | undefined {
  if (cursor === undefined) return undefined;
  // A lone surrogate cannot be written into a URL (encodeURIComponent throws on it).
  if (typeof cursor !== "string" || cursor === "" || !isWellFormed(cursor)) {
    throw new AlbumsInputError(`${operation}: cursor must be the non-empty pageInfo.token of the previous page, not ${show(cursor)}.`);
  }
  return cursor;
}

/** Whether every surrogate in the text is half of a pair: text that can be encoded (String.prototype.isWellFormed, before ES2024). */
export function isWellFormed(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0xd800 || code > 0xdfff) continue;
    const next = text.charCodeAt(index + 1);
    if (code > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return false;
    index++;
  }
  return true;
}

/** A short, printable form of a value the caller gave (never a credential: those are not shown). */
export function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number" || typeof value === "boolean" || value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
