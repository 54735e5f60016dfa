// Prism's mocker is seconds of loading on a busy machine (json-schema-faker, faker, a JSON Schema
// toolchain): it loads in a worker thread, never on the mock's own thread, where it would stall
// every request. Alone in its file, so that nothing else has loaded Prism in this process.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, it } from "vitest";
import { createMockServer } from "../../mock/node/server.ts";
import { bundlePath, mockStartBudgetMs } from "../support/mock.ts";

const require = createRequire(import.meta.url);
const loaded = () => require.resolve("@stoplight/prism-http/dist/mocker/index.js") in require.cache;

it("loads Prism's mocker in its worker, not in the mock's thread, and answers meanwhile", { timeout: mockStartBudgetMs }, async () => {
  const mock = await createMockServer({ document: JSON.parse(readFileSync(bundlePath, "utf8")) as object });
  try {
    const url = await mock.listen(0);
    // Answered while Prism may still be loading: the realistic mode does not need it.
    const response = await fetch(`${url}/albums/B0064UPU4G`, { headers: { "x-api-key": "k", authorization: "Bearer t" } });
    expect(response.status).toBe(200);
    await mock.ready;
    const preferred = await fetch(`${url}/albums/B0064UPU4G`, { headers: { "x-api-key": "k", authorization: "Bearer t", prefer: "code=404" } });
    expect(preferred.status).toBe(404);
    expect(loaded()).toBe(false);
  } finally {
    await mock.close();
  }
});
