// Property tests: input validation accepts exactly what the description allows, and batching
// keeps order, loses no ID, never sends more than 100 IDs at once and never exceeds its concurrency.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzBudgetMs } from "../support/budgets.ts";
import { AlbumsInputError, createAlbumsClient } from "../../src/index.ts";
import { album, credentials, json, recordingFetch } from "./support/recording-fetch.ts";

const albumId = fc.stringMatching(/^[A-Z0-9]{10}$/);

// Hundreds of generated inputs a test, each a call through the client.
describe("input validation", { timeout: fuzzBudgetMs }, () => {
  it("an album ID is sent if and only if it is 10 upper-case letters or digits", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(albumId, fc.string(), fc.string({ minLength: 10, maxLength: 10 })), async (id) => {
        const recording = recordingFetch(() => json({ data: { album } }));
        const client = createAlbumsClient({ ...credentials, fetch: recording.fetch, retry: false });
        const error = await client.getAlbum(id).then(() => undefined, (e: unknown) => e);
        const valid = /^[A-Z0-9]{10}$/.test(id);
        expect(error === undefined).toBe(valid);
        if (!valid) expect(error).toBeInstanceOf(AlbumsInputError);
        expect(recording.requests).toHaveLength(valid ? 1 : 0);
      }),
      { numRuns: 300 },
    );
  });

  it("a limit is sent if and only if it is a whole number from 1 to 100", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.integer({ min: -5, max: 110 }), fc.double({ noNaN: false })), async (limit) => {
        const page = { pageInfo: { hasNextPage: false }, edgeCount: 0, edges: [] };
        const recording = recordingFetch(() => json({ data: { user: { id: "u1", libraryAlbums: page } } }));
        const client = createAlbumsClient({ ...credentials, fetch: recording.fetch, retry: false });
        const error = await client.getLibraryAlbums({ limit }).then(() => undefined, (e: unknown) => e);
        const valid = Number.isInteger(limit) && limit >= 1 && limit <= 100;
        expect(error === undefined).toBe(valid);
        expect(recording.requests.map((r) => new URL(r.url).searchParams.get("limit"))).toEqual(valid ? [String(limit)] : []);
      }),
      { numRuns: 300 },
    );
  });
});

describe("getAlbums batching", { timeout: fuzzBudgetMs }, () => {
  // A small pool of IDs, so that generated lists repeat some.
  const ids = fc.array(fc.integer({ min: 0, max: 400 }).map((n) => `B${String(n).padStart(9, "0")}`), { minLength: 1, maxLength: 450, size: "max" });

  it("keeps input order, loses no ID, sends each once in requests of at most 100, within its concurrency", async () => {
    await fc.assert(
      fc.asyncProperty(ids, fc.integer({ min: 1, max: 6 }), fc.infiniteStream(fc.integer({ min: 0, max: 3 })), async (input, concurrency, delays) => {
        let inFlight = 0;
        let mostInFlight = 0;
        const delay = delays[Symbol.iterator]();
        const recording = recordingFetch(async (request) => {
          inFlight++;
          mostInFlight = Math.max(mostInFlight, inFlight);
          // Requests end out of order, by a generated number of turns of the promise queue: no real time.
          for (let turns = (delay.next().value as number) * 5; turns > 0; turns--) await null;
          inFlight--;
          const asked = new URL(request.url).searchParams.get("ids")?.split(",") ?? [];
          // The API owes no order within a request: answer in reverse.
          return json({ data: { albums: asked.map((id) => ({ ...album, id })).reverse() } });
        });
        const client = createAlbumsClient({ ...credentials, fetch: recording.fetch, concurrency, retry: false });

        const albums = await client.getAlbums(input);

        const unique = [...new Set(input)];
        expect(albums.map((a) => a.id)).toEqual(unique);
        const sent = recording.requests.map((r) => new URL(r.url).searchParams.get("ids")?.split(",") ?? []);
        expect(sent.every((chunk) => chunk.length >= 1 && chunk.length <= 100)).toBe(true);
        expect(sent.flat().sort()).toEqual([...unique].sort());
        expect(sent).toHaveLength(Math.ceil(unique.length / 100));
        expect(mostInFlight).toBeLessThanOrEqual(concurrency);
      }),
      { numRuns: 60 },
    );
  });
});
