// The libraries of the mock's users as a JSON document a test can write, the mock can start from
// (--state <file>, `startMock({ state })`) and write back (--persist): users, each with the albums
// saved to their library, in the order they were saved.
//
//   { "users": { "my-user": ["B0064UPU4G", { "id": "B00D3PLC1K", "purchased": true }] } }
//
// A user is named by the bearer token that stands for them, or by that token's digest
// (`sha256:<64 hex digits>`), which is how the mock writes them back: it keeps digests of the
// credentials, never the credentials themselves.
import { MockError } from "./envelope.ts";

export interface SavedAlbum {
  id: string;
  purchased: boolean;
  uploaded: boolean;
}

/** A user's key in the state: a digest (`sha256:...`), or a token as a test writes it. */
export type StateUser = string;

export interface MockState {
  users: Record<StateUser, Array<string | { id: string; purchased?: boolean; uploaded?: boolean }>>;
}

/** A state read and checked: each user's digest and albums. */
export type ParsedState = Array<{ userDigest: string; albums: SavedAlbum[] }>;

const digestKey = "sha256:";

/** A state that cannot be read, naming where and why; the CLI says it and exits with 2. */
export class StateError extends MockError {
  constructor(message: string) {
    super(400, "BAD_REQUEST", message);
  }
}

/**
 * Reads a state (JSON already parsed) into each user's digest and albums. `digestOfToken` turns a
 * token into the digest the mock keys its state by; `isAlbum` says whether the catalog has an ID.
 */
export function parseState(value: unknown, digestOfToken: (token: string) => string, isAlbum: (id: string) => boolean): ParsedState {
  if (!isRecord(value) || !isRecord(value.users)) throw new StateError('The state must be an object with "users": { "<token>": ["<album ID>", ...] }.');
  const parsed: ParsedState = [];
  for (const [user, albums] of Object.entries(value.users)) {
    const where = `users[${JSON.stringify(user.length > 40 ? `${user.slice(0, 8)}…` : user)}]`;
    if (user.trim() === "") throw new StateError(`${where}: a user is named by a bearer token, which may not be empty.`);
    if (!Array.isArray(albums)) throw new StateError(`${where} must be a list of album IDs.`);
    const userDigest = user.startsWith(digestKey) ? digestOf(user, where) : digestOfToken(user);
    const seen = new Set<string>();
    const saved = albums.map((album: unknown, index): SavedAlbum => {
      const at = `${where}[${index}]`;
      const entry = typeof album === "string" ? { id: album } : album;
      if (!isRecord(entry) || typeof entry.id !== "string") throw new StateError(`${at} must be an album ID, or an object with "id" (and "purchased", "uploaded").`);
      for (const flag of ["purchased", "uploaded"] as const) {
        if (entry[flag] !== undefined && typeof entry[flag] !== "boolean") throw new StateError(`${at}.${flag} must be true or false.`);
      }
      if (!isAlbum(entry.id)) throw new StateError(`${at}: ${JSON.stringify(entry.id.slice(0, 20))} is not an album of the mock's catalog (--list-albums prints them).`);
      if (seen.has(entry.id)) throw new StateError(`${at}: ${entry.id} is in this library twice.`);
      seen.add(entry.id);
      return { id: entry.id, purchased: entry.purchased === true, uploaded: entry.uploaded === true };
    });
    parsed.push({ userDigest, albums: saved });
  }
  return parsed;
}

/** The state as the mock writes it: users by digest, an album by its ID alone unless a flag is set. */
export function stateOf(libraries: ParsedState): MockState {
  const users: MockState["users"] = {};
  for (const { userDigest, albums } of libraries) {
    users[`${digestKey}${userDigest}`] = albums.map((album) =>
      album.purchased || album.uploaded ? { id: album.id, ...(album.purchased ? { purchased: true } : {}), ...(album.uploaded ? { uploaded: true } : {}) } : album.id,
    );
  }
  return { users };
}

function digestOf(key: string, where: string): string {
  const hex = key.slice(digestKey.length);
  if (hex.length !== 64 || ![...hex].every((c) => (c >= "0" && c <= "9") || (c >= "a" && c <= "f"))) {
    throw new StateError(`${where}: a digest is "sha256:" and 64 lower-case hex digits.`);
  }
  return hex;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
