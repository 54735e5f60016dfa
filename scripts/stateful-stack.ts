// The stateful stack: the reference provider (mock/) on a port of its own, behind Prism's proxy,
// which fails any response that breaks the bundle. One place for npm start -- --stateful, the
// stateful tests, Schemathesis and the Arazzo workflows.
import { join } from "node:path";
import { createProvider } from "../mock/provider.ts";
import { generatedDir } from "./generate.ts";
import { startPrism, statefulProxyArgs, type PrismOptions } from "./prism.ts";

export interface StatefulStack {
  /** Prism's proxy: what clients call. */
  url: string;
  /** The provider itself. */
  providerUrl: string;
  stop(): Promise<void>;
  /** Resolves when Prism exits, by itself or stopped. */
  exited: Promise<number | null>;
}

export async function startStatefulStack(
  options: { host?: string; port?: number; providerPort?: number; onOutput?: PrismOptions["onOutput"] } = {},
): Promise<StatefulStack> {
  const host = options.host ?? "127.0.0.1";
  const provider = createProvider();
  const providerUrl = await provider.listen({ host, port: options.providerPort ?? 0 });
  try {
    const prism = await startPrism({
      spec: join(generatedDir, "openapi.yaml"),
      host,
      ...(options.port ? { port: options.port } : {}),
      upstream: providerUrl,
      args: statefulProxyArgs,
      ...(options.onOutput ? { onOutput: options.onOutput } : {}),
    });
    // Once, whoever asks first: a signal handler, or Prism exiting by itself.
    let stopping: Promise<void> | undefined;
    const stop = () => (stopping ??= prism.stop().then(() => provider.close()));
    return { url: prism.url, providerUrl, exited: prism.exited, stop };
  } catch (error) {
    await provider.close();
    throw error;
  }
}
