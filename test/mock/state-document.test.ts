// The state document on its own (core/state.ts): what parseState reads and refuses, each refusal
// naming where and why, and what stateOf writes back. state.test.ts runs it through a started mock.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseState, StateError, stateOf, type ParsedState } from "../../mock/core/state.ts";

const catalog = new Set(["B0064UPU4G", "B00D3PLC1K", "B0BYTHTRZT"]);
const read = (value: unknown) => parseState(value, (token) => `digest-of-${token}`, (id) => catalog.has(id));
const refusal = (value: unknown): string => {
  try {
    read(value);
  } catch (error) {
    expect(error).toBeInstanceOf(StateError);
    expect((error as StateError).status).toBe(400);
    return (error as Error).message;
  }
  throw new Error("the state was read");
};
const hex = "0123456789abcdef".repeat(4);

describe("parseState", () => {
  it("reads each user's albums in their order, a token turned into its digest and a digest kept as it is", () => {
    expect(read({ users: { alice: ["B0064UPU4G", { id: "B00D3PLC1K", purchased: true }, { id: "B0BYTHTRZT", uploaded: true, purchased: false }], [`sha256:${hex}`]: [] } })).toEqual([
      {
        userDigest: "digest-of-alice",
        albums: [
          { id: "B0064UPU4G", purchased: false, uploaded: false },
          { id: "B00D3PLC1K", purchased: true, uploaded: false },
          { id: "B0BYTHTRZT", purchased: false, uploaded: true },
        ],
      },
      { userDigest: hex, albums: [] },
    ]);
  });

  it.each([null, [], "users", 1, {}, { users: null }, { users: [] }, { users: "alice" }])("refuses a document without users as an object: %j", (value) => {
    expect(refusal(value)).toBe('The state must be an object with "users": { "<token>": ["<album ID>", ...] }.');
  });

  it("names a user by its token, cut after 8 characters when it is longer than 40", () => {
    expect(refusal({ users: { "": [] } })).toBe('users[""]: a user is named by a bearer token, which may not be empty.');
    expect(refusal({ users: { "  ": [] } })).toBe('users["  "]: a user is named by a bearer token, which may not be empty.');
    expect(refusal({ users: { ["a".repeat(40)]: "x" } })).toBe(`users["${"a".repeat(40)}"] must be a list of album IDs.`);
    expect(refusal({ users: { [`abcdefgh${"i".repeat(33)}`]: "x" } })).toBe('users["abcdefgh…"] must be a list of album IDs.');
  });

  it.each([{}, null, 42, { users: 1 }])("refuses a library that is not a list: %j", (albums) => {
    expect(refusal({ users: { bob: albums } })).toBe('users["bob"] must be a list of album IDs.');
  });

  it.each([42, null, true, {}, { id: 7 }, { purchased: true }, ["B0064UPU4G"]])("refuses an album that is neither an ID nor an object with one: %j", (album) => {
    expect(refusal({ users: { bob: ["B0064UPU4G", album] } })).toBe('users["bob"][1] must be an album ID, or an object with "id" (and "purchased", "uploaded").');
  });

  it("refuses a flag that is not a boolean, and takes a missing one as false", () => {
    expect(refusal({ users: { bob: [{ id: "B0064UPU4G", purchased: "yes" }] } })).toBe('users["bob"][0].purchased must be true or false.');
    expect(refusal({ users: { bob: [{ id: "B0064UPU4G", uploaded: 1 }] } })).toBe('users["bob"][0].uploaded must be true or false.');
    expect(refusal({ users: { bob: [{ id: "B0064UPU4G", purchased: true, uploaded: null }] } })).toBe('users["bob"][0].uploaded must be true or false.');
    expect(read({ users: { bob: [{ id: "B0064UPU4G", purchased: undefined }] } })[0]?.albums).toEqual([{ id: "B0064UPU4G", purchased: false, uploaded: false }]);
  });

  it("refuses an album the catalog does not have, quoting at most 20 characters of it, and an album listed twice", () => {
    expect(refusal({ users: { bob: ["B000000000"] } })).toBe(`users["bob"][0]: "B000000000" is not an album of the mock's catalog (--list-albums prints them).`);
    expect(refusal({ users: { bob: ["0123456789abcdefghijKLMNOP"] } })).toBe(`users["bob"][0]: "0123456789abcdefghij" is not an album of the mock's catalog (--list-albums prints them).`);
    expect(refusal({ users: { bob: ["B0064UPU4G", "B00D3PLC1K", { id: "B0064UPU4G" }] } })).toBe('users["bob"][2]: B0064UPU4G is in this library twice.');
    // Twice in two libraries is two users' albums.
    expect(read({ users: { bob: ["B0064UPU4G"], eve: ["B0064UPU4G"] } })).toHaveLength(2);
  });

  it.each([
    ["63 digits", hex.slice(1)],
    ["65 digits", `${hex}0`],
    ["upper case", hex.toUpperCase()],
    ["a digit before 0", `/${hex.slice(1)}`],
    ["a digit after 9", `:${hex.slice(1)}`],
    ["a letter before a", `\`${hex.slice(1)}`],
    ["a letter after f", `g${hex.slice(1)}`],
  ])("refuses a digest of %s", (_, digits) => {
    expect(refusal({ users: { [`sha256:${digits}`]: [] } })).toMatch(/: a digest is "sha256:" and 64 lower-case hex digits\.$/);
  });

  it("reads every hex digit of a digest, 0 to 9 and a to f", () => {
    for (const digits of ["0".repeat(64), "9".repeat(64), "a".repeat(64), "f".repeat(64)]) {
      expect(read({ users: { [`sha256:${digits}`]: [] } })[0]?.userDigest).toBe(digits);
    }
  });
});

describe("stateOf", () => {
  it("writes users by their digest and an album by its ID alone unless it has a flag, in the libraries' order", () => {
    const libraries: ParsedState = [
      {
        userDigest: "d1",
        albums: [
          { id: "B0064UPU4G", purchased: false, uploaded: false },
          { id: "B00D3PLC1K", purchased: true, uploaded: false },
          { id: "B0BYTHTRZT", purchased: false, uploaded: true },
          { id: "B000000001", purchased: true, uploaded: true },
        ],
      },
      { userDigest: "d2", albums: [] },
    ];
    const written = stateOf(libraries);
    expect(written).toEqual({
      users: {
        "sha256:d1": ["B0064UPU4G", { id: "B00D3PLC1K", purchased: true }, { id: "B0BYTHTRZT", uploaded: true }, { id: "B000000001", purchased: true, uploaded: true }],
        "sha256:d2": [],
      },
    });
    // No flag written as false: the object has only the flags that are set.
    expect(Object.keys(written.users["sha256:d1"]?.[1] as object)).toEqual(["id", "purchased"]);
    expect(Object.keys(written.users["sha256:d1"]?.[2] as object)).toEqual(["id", "uploaded"]);
  });

  it("writes what parseState reads back as the same libraries", () => {
    const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");
    const libraries = parseState({ users: { alice: ["B0064UPU4G", { id: "B00D3PLC1K", purchased: true, uploaded: true }] } }, sha256, (id) => catalog.has(id));
    expect(parseState(stateOf(libraries), sha256, (id) => catalog.has(id))).toEqual(libraries);
  });
});
