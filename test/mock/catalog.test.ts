// The realistic mode's catalog: the albums of the description's examples, then generated ones
// that look like albums (sane durations, dates and track counts), the same for the same seed.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createCatalog, seededRandom } from "../../mock/core/catalog.ts";
import { bundlePath } from "../support/mock.ts";

const bundle = JSON.parse(readFileSync(bundlePath, "utf8")) as object;
const examples = (values: Record<string, unknown>) => ({
  components: { examples: Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value }])) },
});

describe("the generated albums", () => {
  // Users script against the IDs `npm start -- --list-albums` prints: a seed must keep giving them.
  it("come from mulberry32, so seed 1 gives the catalog it always gave", () => {
    const random = seededRandom(1);
    expect([random(), random(), random()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
    expect(createCatalog({ document: {}, seed: 1, generated: 3 }).all()).toEqual([
      { id: "B0WAS98KWZ", globalAsin: "B0WAS98KWZ", title: "Generated Album 1", duration: 3332, url: "https://music.amazon.com/albums/B0WAS98KWZ", releaseDate: "2024-06-14T00:00:00.000Z", trackCount: 3 },
      { id: "B0OIFRCO1K", globalAsin: "B0OIFRCO1K", title: "Generated Album 2", duration: 2487, url: "https://music.amazon.com/albums/B0OIFRCO1K", releaseDate: "1972-06-17T00:00:00.000Z", trackCount: 16 },
      { id: "B0KHXT1GZQ", globalAsin: "B0KHXT1GZQ", title: "Generated Album 3", duration: 4573, url: "https://music.amazon.com/albums/B0KHXT1GZQ", releaseDate: "2024-03-22T00:00:00.000Z", trackCount: 4 },
    ]);
  });

  it("follow the examples, numbered by their place in the catalog", () => {
    const all = createCatalog({ document: bundle, seed: 1, generated: 3 }).all();
    expect(all.slice(0, 2).map((album) => album.id)).toEqual(["B0064UPU4G", "B00D3PLC1K"]);
    const first = all.findIndex((album) => album.title.startsWith("Generated"));
    expect(all.slice(first).map((album) => album.title)).toEqual([`Generated Album ${first + 1}`, `Generated Album ${first + 2}`, `Generated Album ${first + 3}`]);
  });

  it("have plausible numbers, spread over their whole range", () => {
    const all = createCatalog({ document: {}, seed: 7, generated: 2000 }).all();
    const spread = (values: number[]) => [Math.min(...values), Math.max(...values)];
    const dates = all.map((album) => new Date(album.releaseDate as string));
    expect(spread(all.map((album) => album.duration as number))).toEqual([expect.closeTo(1800, -1), expect.closeTo(5399, -1)]);
    expect(all.every((album) => Number.isInteger(album.duration) && (album.duration as number) >= 1800 && (album.duration as number) < 5400)).toBe(true);
    expect(spread(all.map((album) => album.trackCount as number))).toEqual([1, 20]);
    expect(spread(dates.map((date) => date.getUTCFullYear()))).toEqual([1970, 2024]);
    expect(spread(dates.map((date) => date.getUTCMonth()))).toEqual([0, 11]);
    expect(spread(dates.map((date) => date.getUTCDate()))).toEqual([1, 28]);
    expect(all.every((album) => /^B0[A-Z0-9]{8}$/.test(album.id) && album.globalAsin === album.id && album.url === `https://music.amazon.com/albums/${album.id}`)).toBe(true);
    expect(new Set(all.map((album) => album.id)).size).toBe(all.length);
  });

  it("never take an example's ID", () => {
    const [taken] = createCatalog({ document: {}, seed: 1, generated: 1 }).all();
    const catalog = createCatalog({ document: examples({ one: { album: { id: taken?.id, title: "The example" } } }), seed: 1, generated: 3 });
    const ids = catalog.all().map((album) => album.id);
    expect(ids).toHaveLength(1 + 3);
    expect(new Set(ids).size).toBe(ids.length);
    expect(catalog.get(taken?.id as string)?.title).toBe("The example");
  });
});

describe("the examples' albums", () => {
  it("are found under album, albums and an edge's node, each ID once, in the order first seen", () => {
    const document = examples({
      one: { data: { album: { id: "B000000001", title: "One" } } },
      many: { data: { albums: [{ id: "B000000002", title: "Two" }, { id: "B000000001", title: "One" }] } },
      page: { data: { edges: [{ node: { id: "B000000003", title: "Three" } }] } },
    });
    expect(createCatalog({ document, seed: 1, generated: 0 }).all().map((album) => album.id)).toEqual(["B000000001", "B000000002", "B000000003"]);
  });

  it("keep the fullest copy of an album, the first of equally full ones", () => {
    const short = { id: "B000000001", title: "Short" };
    const full = { id: "B000000001", title: "Full", duration: 60 };
    const same = { id: "B000000001", title: "Same size as short" };
    for (const order of [[short, full], [full, short]]) {
      const document = examples({ a: { album: order[0] }, b: { album: order[1] } });
      expect(createCatalog({ document, seed: 1, generated: 0 }).get("B000000001")).toMatchObject({ title: "Full" });
    }
    const document = examples({ a: { album: short }, b: { album: same } });
    expect(createCatalog({ document, seed: 1, generated: 0 }).get("B000000001")).toMatchObject({ title: "Short" });
  });

  it("get a title and a URL when an example leaves them out", () => {
    const catalog = createCatalog({ document: examples({ a: { album: { id: "B000000001" } } }), seed: 1, generated: 0 });
    expect(catalog.get("B000000001")).toEqual({ id: "B000000001", title: "Album B000000001", url: "https://music.amazon.com/albums/B000000001" });
  });

  it("are only objects with a string ID; nulls and other keys are looked through", () => {
    const document = examples({
      a: { data: { album: { title: "No ID" }, other: { id: "B000000009" }, empty: null, deeper: { album: { id: "B000000001" } } } },
      b: null,
      c: { album: { id: 7 } },
    });
    expect(createCatalog({ document, seed: 1, generated: 0 }).all().map((album) => album.id)).toEqual(["B000000001"]);
  });

  it("are none for a description without examples", () => {
    expect(createCatalog({ document: {}, seed: 1, generated: 0 }).all()).toEqual([]);
    expect(createCatalog({ document: { components: {} }, seed: 1, generated: 0 }).all()).toEqual([]);
  });
});
