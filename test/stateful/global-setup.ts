// The stateful stack for the tests: the reference provider on a free port, behind Prism's proxy,
// which fails any response that breaks the bundle (see statefulProxyArgs).
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { createProvider } from "../../mock/provider.ts";
import { startPrism, statefulProxyArgs } from "../../scripts/prism.ts";

declare module "vitest" {
  export interface ProvidedContext {
    statefulUrl: string;
    providerUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const provider = createProvider();
  const providerUrl = await provider.listen({ host: "127.0.0.1", port: 0 });
  const prism = await startPrism({
    spec: fileURLToPath(new URL("../../generated/openapi.yaml", import.meta.url)),
    upstream: providerUrl,
    args: statefulProxyArgs,
  }).catch(async (error: unknown) => {
    await provider.close();
    throw error;
  });
  project.provide("statefulUrl", prism.url);
  project.provide("providerUrl", providerUrl);
  return async () => {
    await prism.stop();
    await provider.close();
  };
}
