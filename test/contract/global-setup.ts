// Starts Prism on the bundled description, on a free loopback port, with --errors so that an
// invalid request or response fails the test instead of logging a line. Stops it (its whole
// process group) after the run, whether the tests passed or not.
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { startPrism } from "../../scripts/prism.ts";

declare module "vitest" {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const prism = await startPrism({
    spec: fileURLToPath(new URL("../../generated/openapi.yaml", import.meta.url)),
    args: ["--errors"],
  });
  project.provide("prismUrl", prism.url);
  return () => prism.stop();
}
