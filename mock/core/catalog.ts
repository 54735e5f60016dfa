// The provider's catalog: every album the description's examples show, plus albums generated
// from a seed, enough to page through. The same seed always gives the same catalog.
import type { components } from "../../generated/schema.gen.ts";

type Album = components["schemas"]["Album"];

/** A small, fast, seedable PRNG (mulberry32): deterministic catalogs and IDs. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const idAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** The part of the description the catalog reads: its named examples. */
export interface ExampleSource {
  components?: { examples?: Record<string, { value?: unknown }> };
}

/** Every album object found in the description's examples, the fullest copy of each ID kept. */
function exampleAlbums(document: ExampleSource): Album[] {
  const found = new Map<string, Album>();
  const visit = (node: unknown, key: string) => {
    if (Array.isArray(node)) return node.forEach((item) => visit(item, key));
    if (typeof node !== "object" || node === null) return;
    const record = node as Record<string, unknown>;
    // Album-shaped: under `album`, `albums` or an edge's `node`, with an album ID.
    if (["album", "albums", "node"].includes(key) && typeof record.id === "string") {
      const album = { title: `Album ${record.id}`, url: `https://music.amazon.com/albums/${record.id}`, ...record } as Album;
      const known = found.get(album.id);
      if (!known || Object.keys(album).length > Object.keys(known).length) found.set(album.id, album);
      return;
    }
    for (const [childKey, child] of Object.entries(record)) visit(child, childKey);
  };
  for (const example of Object.values(document.components?.examples ?? {})) visit(example.value, "");
  return [...found.values()];
}

export interface Catalog {
  get(id: string): Album | undefined;
  /** Every album, in a stable order: the examples first, then the generated ones. */
  all(): readonly Album[];
}

export function createCatalog(options: { document: ExampleSource; seed: number; generated: number }): Catalog {
  const random = seededRandom(options.seed);
  const albums = exampleAlbums(options.document);
  const ids = new Set(albums.map((album) => album.id));
  const size = albums.length + options.generated;
  while (albums.length < size) {
    const id = `B0${Array.from({ length: 8 }, () => idAlphabet[Math.floor(random() * idAlphabet.length)]).join("")}`;
    if (ids.has(id)) continue;
    ids.add(id);
    const number = albums.length + 1;
    albums.push({
      id,
      globalAsin: id,
      title: `Generated Album ${number}`,
      duration: 1800 + Math.floor(random() * 3600),
      url: `https://music.amazon.com/albums/${id}`,
      releaseDate: new Date(Date.UTC(1970 + Math.floor(random() * 55), Math.floor(random() * 12), 1 + Math.floor(random() * 28))).toISOString(),
      trackCount: 1 + Math.floor(random() * 20),
    });
  }
  const byId = new Map(albums.map((album) => [album.id, album]));
  return { get: (id) => byId.get(id), all: () => albums };
}
