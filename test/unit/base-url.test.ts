// The client sends the API key and the token to its baseUrl: https anywhere, plain http only to
// this machine. "This machine" is matched whole: a host that merely starts or ends like a loopback
// name (127.0.0.1.evil.example, localhost.evil.example) is somebody else's.
import { describe, expect, it } from "vitest";
import { isLoopback } from "../../src/base-url.ts";
import { AlbumsInputError, createAlbumsClient } from "../../src/index.ts";
import { album, credentials, json, recordingFetch } from "./support/recording-fetch.ts";

const create = (baseUrl: string) => () => createAlbumsClient({ ...credentials, baseUrl });

describe("an http baseUrl", () => {
  it.each([
    "http://127.0.0.1:4010",
    "http://127.255.255.254",
    "http://127.100.200.1",
    "http://127.0.100.1",
    "http://localhost:4010/v1",
    "http://app.localhost:4010",
    "http://[::1]:4010",
  ])("on loopback is accepted: %s", (baseUrl) => {
    expect(create(baseUrl)).not.toThrow();
  });

  it.each([
    "http://127.0.0.1.evil.example",
    "http://127.0.0.1x",
    "http://localhost.evil.example",
    "http://evil.localhost.example",
    "http://notlocalhost",
    "http://127.0.0.1:80@evil.example",
    "http://evil.example/127.0.0.1",
    "http://128.0.0.1",
    "http://[::2]",
  ])("elsewhere is refused: %s", (baseUrl) => {
    expect(create(baseUrl)).toThrow(AlbumsInputError);
    expect(create(baseUrl)).toThrow(/would send the API key and the token unencrypted/);
  });
});

describe("isLoopback", () => {
  it("matches a whole host name, never a part of one", () => {
    for (const hostname of ["localhost", "a.localhost", "[::1]", "127.0.0.1", "127.1.22.255"]) expect(isLoopback(hostname), hostname).toBe(true);
    for (const hostname of ["x127.0.0.1", "127.0.0.1.x", "1127.0.0.1", "127.0.0.1x", "localhost.x", "xlocalhost", "x[::1]", ".localhost.x"]) {
      expect(isLoopback(hostname), hostname).toBe(false);
    }
  });
});

describe("a baseUrl's trailing slashes", () => {
  it("are dropped, however many, before the description's paths", async () => {
    const { fetch, requests } = recordingFetch(() => json({ data: { album } }));
    await createAlbumsClient({ ...credentials, fetch, baseUrl: "https://example.org/v1///" }).getAlbum("B0064UPU4G");
    expect(requests.map((request) => request.url)).toEqual(["https://example.org/v1/albums/B0064UPU4G"]);
  });
});

// A mock on another machine or in another container (docker-compose's `http://mock:4010`) is
// reached over plain http only when the caller names its host: allowHttpHosts.
describe("allowHttpHosts", () => {
  it.each([
    ["http://mock:4010", ["mock"]],
    ["http://MOCK:4010/v1", ["mock"]],
    ["http://mock.internal", ["Mock.Internal"]],
    ["http://192.168.1.10:4010", ["192.168.1.10"]],
    ["http://[fd00::1]:4010", ["[fd00::1]"]],
    ["http://[fd00::1]:4010", ["fd00::1"]],
    ["http://mock:4010", ["other", "mock"]],
  ])("lets %s be used over http when it names that host (%j), and the client calls it", async (baseUrl, allowHttpHosts) => {
    const { fetch, requests } = recordingFetch(() => json({ data: { album } }));
    await createAlbumsClient({ ...credentials, fetch, baseUrl, allowHttpHosts }).getAlbum("B0064UPU4G");
    expect(requests.map((request) => new URL(request.url).host)).toEqual([new URL(baseUrl).host]);
  });

  it.each([
    ["http://mock:4010", undefined],
    ["http://mock:4010", []],
    ["http://mock.evil.example", ["mock"]],
    ["http://evilmock", ["mock"]],
    ["http://mock:4010", ["mock.internal"]],
  ])("does not let %s be used over http with %j, and says which option would", (baseUrl, allowHttpHosts) => {
    const create = () => createAlbumsClient({ ...credentials, baseUrl, ...(allowHttpHosts ? { allowHttpHosts } : {}) });
    expect(create).toThrow(AlbumsInputError);
    expect(create).toThrow(
      `baseUrl ${JSON.stringify(baseUrl)} would send the API key and the token unencrypted: use https:, or http: only for a loopback host ` +
        `(localhost, 127.0.0.1, [::1]) or a host named in allowHttpHosts (allowHttpHosts: [${JSON.stringify(new URL(baseUrl).hostname)}]).`,
    );
  });

  it.each([["http://mock:4010"], ["mock:4010"], ["mock/v1"], [""], ["*"], [42], ["@mock"], ["//mock"], ["mo\tck"], ["mock\n"], ["user@mock"]])("refuses %j as a host name", (entry) => {
    const create = () => createAlbumsClient({ ...credentials, baseUrl: "http://mock:4010", allowHttpHosts: [entry as string] });
    expect(create).toThrow(AlbumsInputError);
    expect(create).toThrow(/^allowHttpHosts holds host names, such as "mock" or "192\.168\.1\.10", not /);
  });

  it("must be an array", () => {
    expect(() => createAlbumsClient({ ...credentials, allowHttpHosts: "mock" as unknown as string[] })).toThrow(
      'allowHttpHosts must be an array of host names, such as ["mock"], not "mock".',
    );
  });

  it("changes nothing for https, which any host may use", async () => {
    const { fetch, requests } = recordingFetch(() => json({ data: { album } }));
    await createAlbumsClient({ ...credentials, fetch, baseUrl: "https://example.org", allowHttpHosts: ["mock"] }).getAlbum("B0064UPU4G");
    expect(requests).toHaveLength(1);
  });
});
