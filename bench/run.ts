// npm run bench: what the client costs over bare openapi-fetch and a bare fetch
// (bench/overhead.ts), what batching saves, and what iterating a library holds in memory; how
// fast the mock starts and serves (bench/mock.ts).
// Prints tables and writes bench/results.local.json (ignored); `-- --update` writes the
// committed bench/results.json instead (keeping the other parts' figures when `--only` runs one),
// `-- --only client`, `-- --only mock` or `-- --only docs` runs one part.
// Run with --expose-gc (npm run bench does) so retained memory can be measured after a GC.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { cpus } from "node:os";
import { createAlbumsClient, type LibraryAlbumsPage } from "../src/index.ts";
import { builtClient } from "./built-client.ts";
import { docsBenchmarks } from "./docs.ts";
import { mockBenchmarks, proxyBenchmarks, startupBenchmarks } from "./mock.ts";
import { overhead, type OverheadRow } from "./overhead.ts";
import { albumBody, library, slowMultiGet } from "./servers.ts";

const { values: options } = parseArgs({ options: { update: { type: "boolean", default: false }, only: { type: "string" } } });
const runs = (part: "client" | "mock" | "docs") => options.only === undefined || options.only === part;

const credentials = { apiKey: "amzn1.application.bench", accessToken: "bench-token" };
const headers = { "x-api-key": credentials.apiKey, authorization: `Bearer ${credentials.accessToken}` };
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("Run with node --expose-gc (npm run bench).");

async function batching(serverDelayMs: number, concurrency: number) {
  const server = await slowMultiGet(serverDelayMs);
  const ids = Array.from({ length: 1000 }, (_, i) => `B${String(i).padStart(9, "0")}`);
  const time = async (concurrency: number) => {
    const client = createAlbumsClient({ ...credentials, baseUrl: server.url, concurrency });
    const started = performance.now();
    const albums = await client.getAlbums(ids);
    if (albums.length !== ids.length) throw new Error(`expected ${ids.length} albums, got ${albums.length}`);
    return Math.round(performance.now() - started);
  };
  try {
    return { ids: ids.length, requests: ids.length / 100, serverDelayMs, sequentialMs: await time(1), batchedMs: await time(concurrency), concurrency };
  } finally {
    await server.close();
  }
}

/**
 * Heap still referenced: collected three times, yielding in between so that finalizers
 * (fetch registers each Request with a FinalizationRegistry) run and release what they hold.
 */
async function retainedHeap(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
}

/** Peak retained heap while `walk` visits a library of `size` albums, sampled every 10 pages. */
async function peakWhile(size: number, walk: (baseUrl: string, sample: () => Promise<void>) => Promise<number>): Promise<number> {
  const server = await library(size);
  const baseline = await retainedHeap();
  let peak = 0;
  let seen: number;
  try {
    seen = await walk(server.url, async () => {
      peak = Math.max(peak, (await retainedHeap()) - baseline);
    });
  } finally {
    await server.close();
  }
  if (seen !== size) throw new Error(`expected ${size} albums, got ${seen}`);
  return Math.round(peak / 1024);
}

const viaClient = async (baseUrl: string, sample: () => Promise<void>) => {
  const client = createAlbumsClient({ ...credentials, baseUrl });
  let count = 0;
  for await (const _ of client.iterateLibraryAlbums({ pageSize: 100 })) if (++count % 1000 === 0) await sample();
  return count;
};

/** The same pages with bare fetch: how much the runtime itself holds, for comparison. */
const viaBareFetch = async (baseUrl: string, sample: () => Promise<void>) => {
  let count = 0;
  let cursor = "";
  for (;;) {
    const response = await fetch(`${baseUrl}/me/library/albums?limit=100${cursor}`, { headers });
    const { libraryAlbums } = ((await response.json()) as { data: { user: { libraryAlbums: LibraryAlbumsPage } } }).data.user;
    count += libraryAlbums.edges.length;
    if (count % 1000 === 0) await sample();
    if (!libraryAlbums.pageInfo.hasNextPage) return count;
    cursor = `&cursor=${libraryAlbums.pageInfo.token ?? ""}`;
  }
};

/** What keeping every album of the library would take: the scale the others are measured against. */
const keepingAll = async (baseUrl: string, sample: () => Promise<void>) => {
  const kept: unknown[] = [];
  for await (const edge of createAlbumsClient({ ...credentials, baseUrl }).iterateLibraryAlbums()) {
    kept.push(edge);
    if (kept.length % 1000 === 0) await sample();
  }
  return kept.length;
};

async function iteration(size: number) {
  return {
    albums: size,
    clientPeakRetainedKiB: await peakWhile(size, viaClient),
    bareFetchPeakRetainedKiB: await peakWhile(size, viaBareFetch),
    keepingEveryAlbumKiB: await peakWhile(size, keepingAll),
  };
}

/** The album server in a child process; resolves with its URL and a way to stop it. */
async function albumServerProcess(): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ["--import", "tsx", new URL("album-server-process.ts", import.meta.url).pathname], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const started = once(child.stdout, "data") as Promise<[Buffer]>;
  const died = once(child, "exit").then(([code]) => {
    throw new Error(`The album server exited (${String(code)}) before it printed its URL.`);
  });
  const [firstChunk] = await Promise.race([started, died]);
  return { url: firstChunk.toString().trim().split("\n")[0] as string, stop: () => child.kill("SIGTERM") };
}

/** The most the client's own layers may cost over bare openapi-fetch, on loopback with the runtime's fetch. */
const overheadTarget = 1.05;

async function clientBenchmarks() {
  const stubbed = async () => new Response(albumBody, { headers: { "content-type": "application/json" } });
  const loopback = await albumServerProcess();
  const client = await builtClient();
  try {
    return {
      overhead: [
        await overhead(client, "loopback HTTP, the runtime's fetch", loopback.url, undefined),
        await overhead(client, "loopback HTTP, a fetch given as an option", loopback.url, (request) => fetch(request)),
        await overhead(client, "stubbed fetch given as an option (no network)", "https://api.music.amazon.dev/v1", stubbed, { callsPerRound: 2000 }),
      ],
      batching: await batching(50, 4),
      // The first run warms up fetch's connection pool and compiled code, which would count as growth.
      iteration: await (async () => {
        await iteration(2_000);
        return [await iteration(1_000), await iteration(10_000), await iteration(50_000)];
      })(),
    };
  } finally {
    loopback.stop();
  }
}

const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? "unknown" };
console.log(`Node ${machine.node}, ${machine.cpus} x ${machine.cpu}\n`);
const client = runs("client") ? await clientBenchmarks() : undefined;
if (client) {
  const us = (row: OverheadRow["fetchUs"]) => `${row.wall} µs (cpu ${row.cpu})`;
  console.table(
    client.overhead.map((o) => ({
      "getAlbum, per call": o.name,
      fetch: us(o.fetchUs),
      "bare openapi-fetch": us(o.openapiFetchUs),
      client: us(o.clientUs),
      "client / openapi-fetch": `${o.clientToOpenapiFetch.wall} (cpu ${o.clientToOpenapiFetch.cpu})`,
    })),
  );
  const [target] = client.overhead;
  if (target) {
    const within = target.clientToOpenapiFetch.wall <= overheadTarget;
    console.log(`Client / bare openapi-fetch on loopback: ${target.clientToOpenapiFetch.wall}, ${within ? "within" : "OVER"} the target of ${overheadTarget}.`);
  }
  const { batching: b } = client;
  console.table([{ [`getAlbums, ${b.ids} IDs, ${b.serverDelayMs} ms a request`]: "wall time", [`sequential (${b.requests} requests)`]: `${b.sequentialMs} ms`, [`batched (concurrency ${b.concurrency})`]: `${b.batchedMs} ms` }]);
  console.table(client.iteration.map((i) => ({ "iterating a library of": i.albums, "client: peak retained KiB": i.clientPeakRetainedKiB, "bare fetch: peak retained KiB": i.bareFetchPeakRetainedKiB, "keeping every album: KiB": i.keepingEveryAlbumKiB })));
}
const mock = runs("mock") ? { startup: await startupBenchmarks(), proxy: await proxyBenchmarks(), ...(await mockBenchmarks()) } : undefined;
if (mock) {
  console.table(mock.startup.ratios);
  console.table([mock.startup.medianMs]);
  console.table([{ "GET /albums/{id}, one connection, sequential": "median ms", direct: mock.proxy.directMs, "through --proxy": mock.proxy.proxiedMs, "the proxy's own": mock.proxy.overheadMs, target: mock.proxy.targetMs }]);
  console.table(mock.throughputAt10Connections.map((row) => ({ "GET /albums/{id}, 10 connections": row.server, "requests/s": row.requestsPerSec, "p99 ms": row.p99Ms })));
  console.log(`The default mode serves ${mock.defaultToProvider} of what the provider alone does.`);
}

const docs = runs("docs") ? await docsBenchmarks() : undefined;
if (docs) {
  console.table([{ "time to a usable docs page (median of 5)": "ms", "served, cold cache": docs.usableMs.servedColdCache, "served, warm cache": docs.usableMs.servedWarmCache, "from the file": docs.usableMs.fromFile }]);
  console.table([{ "first visit over docs:serve": "", requests: docs.firstVisit.requests, "transferred bytes": docs.firstVisit.transferredBytes, "decoded bytes": docs.firstVisit.decodedBytes, "second visit, transferred bytes": docs.secondVisitTransferredBytes }]);
}

const file = new URL(options.update ? "results.json" : "results.local.json", import.meta.url);
// One part run alone keeps the other parts' last figures.
const previous = options.only !== undefined && existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>) : {};
writeFileSync(file, `${JSON.stringify({ ...previous, measuredAt: new Date().toISOString(), machine, ...client, ...(mock ? { mock } : {}), ...(docs ? { docs } : {}) }, null, 2)}\n`);
console.log(`Written to bench/${options.update ? "results.json" : "results.local.json (npm run bench -- --update writes bench/results.json)"}`);
