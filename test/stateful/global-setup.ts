// The stateful stack for the tests (scripts/stateful-stack.ts), on free ports.
import type { TestProject } from "vitest/node";
import { startStatefulStack } from "../../scripts/stateful-stack.ts";

declare module "vitest" {
  export interface ProvidedContext {
    statefulUrl: string;
    providerUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stack = await startStatefulStack();
  project.provide("statefulUrl", stack.url);
  project.provide("providerUrl", stack.providerUrl);
  return () => stack.stop();
}
