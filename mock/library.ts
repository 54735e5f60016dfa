// The users' libraries, one per bearer token, in the order albums were saved. Cursors are
// opaque to clients: a versioned prefix and the position, encoded.
import { createHash } from "node:crypto";

export interface LibraryEntry {
  albumId: string;
  objectId: string;
  purchased: boolean;
  uploaded: boolean;
}

const cursorPrefix = "tztok-v2_";

export class Libraries {
  readonly #byUser = new Map<string, Map<string, LibraryEntry>>();

  /** The user an access token stands for: a stable ID of the API's form (lower-case letters and digits). */
  static userId(token: string): string {
    return createHash("sha256").update(`user:${token}`).digest("hex").slice(0, 26);
  }

  #library(token: string): Map<string, LibraryEntry> {
    let library = this.#byUser.get(token);
    if (!library) this.#byUser.set(token, (library = new Map()));
    return library;
  }

  /** Saves an album; saving one already saved changes nothing. */
  save(token: string, albumId: string): void {
    const library = this.#library(token);
    if (library.has(albumId)) return;
    const digest = createHash("sha256").update(`entry:${token}:${albumId}`).digest("hex");
    const objectId = `${digest.slice(0, 8)}-${digest.slice(8, 12)}-4${digest.slice(13, 16)}-a${digest.slice(17, 20)}-${digest.slice(20, 32)}`;
    library.set(albumId, { albumId, objectId, purchased: false, uploaded: false });
  }

  /** Removes an album; removing one that is not there changes nothing. */
  remove(token: string, albumId: string): void {
    this.#library(token).delete(albumId);
  }

  /** One page: the entries from the cursor's position, at most `limit`, and the next cursor if any remain. */
  page(token: string, limit: number, cursor: string | undefined): { entries: LibraryEntry[]; next: string | undefined } {
    const entries = [...this.#library(token).values()];
    const start = cursor === undefined ? 0 : decodeCursor(cursor);
    const end = start + limit;
    return { entries: entries.slice(start, end), next: end < entries.length ? encodeCursor(end) : undefined };
  }
}

export class BadCursorError extends Error {}

function encodeCursor(position: number): string {
  return cursorPrefix + Buffer.from(JSON.stringify({ p: position })).toString("base64url");
}

function decodeCursor(cursor: string): number {
  try {
    if (!cursor.startsWith(cursorPrefix)) throw new Error("prefix");
    const { p } = JSON.parse(Buffer.from(cursor.slice(cursorPrefix.length), "base64url").toString("utf8")) as { p: unknown };
    if (typeof p !== "number" || !Number.isInteger(p) || p < 0) throw new Error("position");
    return p;
  } catch {
    throw new BadCursorError(`The cursor "${cursor.slice(0, 40)}" is not a token this API gave.`);
  }
}
