// The servers the generated clients' smoke programs call: the mock as `npm start` serves it (each
// smoke run a user of its own, so every language prints the same lines) and the drift server
// (the API's plausible evolutions). Both in vitest's main process, stopped after the run.
import type { TestProject } from "vitest/node";
import { startDriftServer } from "../support/drift-server.ts";
import { startMock } from "../support/mock.ts";

declare module "vitest" {
  export interface ProvidedContext {
    mockUrl: string;
    driftUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mock = await startMock();
  const drift = await startDriftServer();
  project.provide("mockUrl", mock.url);
  project.provide("driftUrl", drift.url);
  return async () => {
    await mock.close();
    await drift.close();
  };
}
