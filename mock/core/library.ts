// The users' libraries, in the order albums were saved. Each save gets the next number of its
// library's save sequence, and a page token names the last number a page showed: the next page
// starts after it, wherever albums were removed or added meanwhile, so paging while the library
// changes neither skips nor repeats an album that stays. Reads never create a library, and at
// most `maxUsers` libraries are kept, the least recently used forgotten first.
import { sha256Hex } from "./hash.ts";
import { LruMap } from "./lru.ts";

export interface LibraryEntry {
  albumId: string;
  /** The entry's ID: a new one for each save, so a removed and saved-again album is a new entry. */
  objectId: string;
  purchased: boolean;
  uploaded: boolean;
  /** Its place in the save sequence of its library. */
  sequence: number;
}

interface Library {
  /** In save order: a Map iterates in insertion order, and a save after a removal goes last. */
  entries: Map<string, LibraryEntry>;
  lastSequence: number;
}

const tokenPrefix = "tztok-v2_";

export class BadCursorError extends Error {}

export class Libraries {
  readonly #byUser: LruMap<string, Library>;

  /**
   * `user` everywhere below is a digest of the bearer token (see provider.ts), never the token.
   * `onForget` hears of each library forgotten to keep at most `maxUsers`, with its size.
   */
  constructor(maxUsers: number, onForget: (user: string, albums: number) => void = () => {}) {
    this.#byUser = new LruMap(maxUsers, (user, library) => onForget(user, library.entries.size));
  }

  get users(): number {
    return this.#byUser.size;
  }

  /** Saves an album; saving one already saved changes nothing. */
  save(user: string, albumId: string): void {
    let library = this.#byUser.get(user);
    if (!library) this.#byUser.set(user, (library = { entries: new Map(), lastSequence: 0 }));
    if (library.entries.has(albumId)) return;
    const sequence = ++library.lastSequence;
    library.entries.set(albumId, { albumId, objectId: entryId(user, albumId, sequence), purchased: false, uploaded: false, sequence });
  }

  /** Replaces a user's library with these albums, saved in this order. */
  load(user: string, albums: ReadonlyArray<{ id: string; purchased: boolean; uploaded: boolean }>): void {
    const library: Library = { entries: new Map(), lastSequence: 0 };
    for (const { id, purchased, uploaded } of albums) {
      const sequence = ++library.lastSequence;
      library.entries.set(id, { albumId: id, objectId: entryId(user, id, sequence), purchased, uploaded, sequence });
    }
    this.#byUser.set(user, library);
  }

  /** Forgets one user's library, or every one. */
  clear(user?: string): void {
    if (user === undefined) this.#byUser.clear();
    else this.#byUser.delete(user);
  }

  /** Every library kept, least recently used first, its albums in save order. */
  all(): Array<{ user: string; albums: Array<{ id: string; purchased: boolean; uploaded: boolean }> }> {
    return [...this.#byUser.entries()].map(([user, library]) => ({
      user,
      albums: [...library.entries.values()].map((entry) => ({ id: entry.albumId, purchased: entry.purchased, uploaded: entry.uploaded })),
    }));
  }

  /** Removes an album; removing one that is not there changes nothing. */
  remove(user: string, albumId: string): void {
    this.#byUser.get(user)?.entries.delete(albumId);
  }

  /** At most `limit` entries saved after the cursor's, and the token of the next page if any remain. */
  page(user: string, limit: number, cursor: string | undefined): { entries: LibraryEntry[]; next: string | undefined } {
    const after = cursor === undefined ? 0 : decodeCursor(cursor);
    const entries: LibraryEntry[] = [];
    let more = false;
    for (const entry of this.#byUser.get(user)?.entries.values() ?? []) {
      if (entry.sequence <= after) continue;
      if (entries.length === limit) {
        more = true;
        break;
      }
      entries.push(entry);
    }
    const last = entries.at(-1);
    return { entries, next: more && last ? encodeCursor(last.sequence) : undefined };
  }
}

/** A UUID (version 4 in form) derived from the entry, so a seeded mock always gives the same IDs. */
function entryId(user: string, albumId: string, sequence: number): string {
  const hex = sha256Hex(`entry:${user}:${albumId}:${sequence}`);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A page token in the form of the tokens Amazon's pages show (`tztok-v2_` and a UUID): the last
 * twelve hex digits are the sequence number the next page starts after, the others a digest of
 * it, so that a token the mock did not give is refused. The description's own example token
 * (the first page of a library, two albums long) is one: every example works against the mock.
 */
export function encodeCursor(sequence: number): string {
  const digest = sha256Hex(`cursor:${sequence}`);
  const hex = digest.slice(0, 20) + sequence.toString(16).padStart(12, "0");
  return `${tokenPrefix}${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const tokenForm = /^tztok-v2_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function decodeCursor(cursor: string): number {
  const sequence = tokenForm.test(cursor) ? Number.parseInt(cursor.slice(-12), 16) : Number.NaN;
  if (!(sequence >= 1) || encodeCursor(sequence) !== cursor) {
    throw new BadCursorError(`The cursor ${JSON.stringify(cursor.slice(0, 40))} is not a token this API gave.`);
  }
  return sequence;
}
