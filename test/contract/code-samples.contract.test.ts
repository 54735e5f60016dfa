// Every code sample of the description, pointed at the mock instead of production, does what it
// says: curl gets the documented 200, and the Python and TypeScript samples print the data. The
// samples' user has the library of the description's example (saved before the samples run).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { productionBaseUrl } from "../../src/index.ts";
import type { JsonObject } from "../spec/support/spec.ts";
import { findCommand, missingTools } from "../support/tools.ts";
import { clientEntry, projectRoot } from "../support/typecheck.ts";
import { operationById } from "./support.ts";
import { processBudgetMs } from "../support/budgets.ts";

const production = productionBaseUrl;
const env = { ...process.env, AMAZON_MUSIC_API_KEY: "amzn1.application.samples", AMAZON_MUSIC_ACCESS_TOKEN: "samples-token" };
const dir = mkdtempSync(join(tmpdir(), "albums-samples-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const headers = { "x-api-key": env.AMAZON_MUSIC_API_KEY, authorization: `Bearer ${env.AMAZON_MUSIC_ACCESS_TOKEN}` };
  for (const id of ["B07B62ZK5S", "B06VWVWDDH"]) {
    const response = await fetch(`${inject("mockUrl")}/me/library/albums/${id}`, { method: "PUT", headers });
    expect(response.status).toBe(200);
  }
});

/** What each operation's Python and TypeScript samples print against the mock. */
const printed: Record<string, string[]> = {
  getAlbum: ["Discovery 14"],
  getAlbums: ["B0064UPU4G Discovery", "B00D3PLC1K Around the world"],
  getLibraryAlbums: ["B07B62ZK5S saved", "B06VWVWDDH saved"],
  saveLibraryAlbum: ["B091MTJT3P SAVED"],
  removeLibraryAlbum: ["B091MTJT3P REMOVED"],
};

function sample(operationId: string, lang: string): string {
  const found = (operationById(operationId)["x-codeSamples"] as JsonObject[]).find((s) => s.lang === lang);
  expect(found, `${operationId} has a ${lang} sample`).toBeDefined();
  return String(found?.source).replaceAll(production, inject("mockUrl"));
}

const curl = findCommand("curl");
const python = findCommand("python3");
const missing = missingTools("The docs' code samples", { curl, python3: python }, "apt-get install curl python3");

const run = (command: string, args: string[]) => execFileSync(command, args, { env, encoding: "utf8", timeout: processBudgetMs });

describe.skipIf(missing !== undefined).each(Object.keys(printed))("%s's samples, against the mock", { timeout: processBudgetMs }, (operationId) => {
  it("curl gets 200", () => {
    const status = run("bash", ["-c", `${sample(operationId, "Shell").trimEnd()} --silent --output /dev/null --write-out '%{http_code}'`]);
    expect(status).toBe("200");
  });

  it("Python prints the example's data", () => {
    expect(run("python3", ["-c", sample(operationId, "Python")]).trim().split("\n")).toEqual(printed[operationId]);
  });

  it("TypeScript prints the example's data", () => {
    const code = sample(operationId, "TypeScript")
      .replace('"amazon-music-albums-v1"', JSON.stringify(clientEntry))
      // The samples call production; here the client is pointed at the mock.
      .replace("createAlbumsClient({", `createAlbumsClient({ baseUrl: ${JSON.stringify(inject("mockUrl"))},`);
    const file = join(dir, `${operationId}.mts`);
    writeFileSync(file, code);
    const output = run(process.execPath, [join(projectRoot, "node_modules/tsx/dist/cli.mjs"), file]);
    expect(output.trim().split("\n")).toEqual(printed[operationId]);
  });
});
