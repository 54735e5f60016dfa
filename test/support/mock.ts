// The mock (mock/node/server.ts) for the tests: in this process, on a free loopback port, serving
// what `npm start` serves (the description the mock ships, generated/), and ready as when
// `npm start` prints its banner (Prism's mocker loaded in its worker). Each project starts the
// one it needs.
import { fileURLToPath } from "node:url";
import { createMockServer, type MockServer, type MockServerOptions } from "../../mock/node/server.ts";

export const bundlePath = fileURLToPath(new URL("../../generated/openapi.json", import.meta.url));
export { mockStartBudgetMs } from "./budgets.ts";

export interface RunningMock {
  url: string;
  mock: MockServer;
  close(): Promise<void>;
}

export async function startMock(options: Partial<MockServerOptions> = {}): Promise<RunningMock> {
  const mock = await createMockServer(options);
  try {
    const url = await mock.listen(0);
    await mock.ready;
    return { url, mock, close: () => mock.close() };
  } catch (error) {
    await mock.close();
    throw error;
  }
}
