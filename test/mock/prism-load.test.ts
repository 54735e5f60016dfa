// Prism's mocker is about a second of loading (json-schema-faker, faker, a JSON Schema toolchain):
// the realistic mode starts without it, and loads it when asked to (`npm start` does once it has
// answered its first request) rather than on the first Prefer request. Alone in its file, so
// that nothing else has loaded Prism in this worker.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, it } from "vitest";
import { createMockServer } from "../../mock/server.ts";
import { bundlePath } from "../support/mock.ts";

const require = createRequire(import.meta.url);
const loaded = () => require.resolve("@stoplight/prism-http/dist/mocker/index.js") in require.cache;

it("the realistic mode starts without Prism's mocker, and preload() loads it", async () => {
  const mock = await createMockServer({ document: JSON.parse(readFileSync(bundlePath, "utf8")) as object });
  expect(loaded()).toBe(false);
  await mock.preload();
  expect(loaded()).toBe(true);
});
