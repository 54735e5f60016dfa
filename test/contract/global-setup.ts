// The mock as `npm start` serves it (its default, realistic mode), on a free loopback port in
// vitest's main process, for the contract tests; stopped after the run, whether they passed or not.
import type { TestProject } from "vitest/node";
import { startMock } from "../support/mock.ts";

declare module "vitest" {
  export interface ProvidedContext {
    mockUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mock = await startMock();
  project.provide("mockUrl", mock.url);
  return () => mock.close();
}
