// What the client's own layers cost a call, over bare openapi-fetch (createClient with the same
// baseUrl and fetch, no middleware, sending the same credential headers) and over fetch alone,
// for getAlbum. The contenders run in turns, round after round, in alternating order: a machine
// whose load changes during the run moves them alike, where running one contender after the
// other would charge the change to one of them. Each figure is the median of its rounds, and
// the ratio the median of the rounds' own ratios (each from measurements moments apart). Wall
// time is what a caller waits; CPU time (this process's, where the client runs) moves less
// with the load of other processes.
import createClient from "openapi-fetch";
import type { paths } from "../generated/schema.gen.ts";
import type { ClientModule } from "./built-client.ts";

export interface OverheadRow {
  name: string;
  /** Per call, µs: wall time and this process's CPU time. */
  fetchUs: { wall: number; cpu: number };
  openapiFetchUs: { wall: number; cpu: number };
  clientUs: { wall: number; cpu: number };
  /** Client over bare openapi-fetch: the target is at most 1.05 (wall time, on loopback with the runtime's fetch). */
  clientToOpenapiFetch: { wall: number; cpu: number };
}

const credentials = { apiKey: "amzn1.application.bench", accessToken: "bench-token" };
const headers = { "x-api-key": credentials.apiKey, authorization: `Bearer ${credentials.accessToken}` };

/**
 * `fetchOption` undefined: every contender uses the runtime's fetch, as a client made without a
 * `fetch` option does; otherwise each is given that fetch.
 */
export async function overhead(
  client: ClientModule,
  name: string,
  baseUrl: string,
  fetchOption: ((request: Request) => Promise<Response>) | undefined,
  { rounds = 30, callsPerRound = 200 } = {},
): Promise<OverheadRow> {
  const given = fetchOption ? { fetch: fetchOption } : {};
  const albums = client.createAlbumsClient({ ...credentials, baseUrl, ...given });
  const bare = createClient<paths>({ baseUrl, ...given });
  const send = fetchOption ?? ((request: Request) => globalThis.fetch(request));
  const url = `${baseUrl}/albums/B0064UPU4G`;
  const contenders = {
    fetch: async () => {
      const response = await send(new Request(url, { headers }));
      await response.json();
    },
    openapiFetch: async () => {
      const { data } = await bare.GET("/albums/{id}", { params: { path: { id: "B0064UPU4G" } }, headers });
      if (data === undefined) throw new Error("bare openapi-fetch got no album");
    },
    client: async () => {
      await albums.getAlbum("B0064UPU4G");
    },
  };
  const names = Object.keys(contenders) as Array<keyof typeof contenders>;
  const samples = Object.fromEntries(names.map((key) => [key, { wall: [] as number[], cpu: [] as number[] }]));
  // Two rounds of warm-up (compiled code, fetch's connection pool), not counted.
  for (let round = 0; round < rounds + 2; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const key of order) {
      const call = contenders[key];
      const cpuBefore = process.cpuUsage();
      const wallBefore = performance.now();
      for (let i = 0; i < callsPerRound; i++) await call();
      const wall = ((performance.now() - wallBefore) * 1000) / callsPerRound;
      const { user, system } = process.cpuUsage(cpuBefore);
      if (round >= 2) {
        samples[key]?.wall.push(wall);
        samples[key]?.cpu.push((user + system) / callsPerRound);
      }
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  const perCall = (key: keyof typeof contenders) => {
    const { wall, cpu } = samples[key] as { wall: number[]; cpu: number[] };
    return { wall: +median(wall).toFixed(1), cpu: +median(cpu).toFixed(1) };
  };
  const ratio = (kind: "wall" | "cpu") => {
    const client = samples.client?.[kind] ?? [];
    const bare = samples.openapiFetch?.[kind] ?? [];
    return +median(client.map((value, round) => value / (bare[round] ?? Number.NaN))).toFixed(3);
  };
  return {
    name,
    fetchUs: perCall("fetch"),
    openapiFetchUs: perCall("openapiFetch"),
    clientUs: perCall("client"),
    clientToOpenapiFetch: { wall: ratio("wall"), cpu: ratio("cpu") },
  };
}
