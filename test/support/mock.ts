// The mock (mock/server.ts) for the tests: in this process, on a free loopback port, serving the
// bundle as `npm start` does. Each project starts the one it needs.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createMockServer, type MockServer, type MockServerOptions } from "../../mock/server.ts";

export const bundlePath = fileURLToPath(new URL("../../generated/openapi.json", import.meta.url));

export interface RunningMock {
  url: string;
  mock: MockServer;
  close(): Promise<void>;
}

export async function startMock(options: Omit<Partial<MockServerOptions>, "document"> = {}): Promise<RunningMock> {
  const document = JSON.parse(readFileSync(bundlePath, "utf8")) as object;
  const mock = await createMockServer({ document, ...options });
  const url = await mock.listen(0);
  return { url, mock, close: () => mock.close() };
}
