// Starts Prism as a child process on a port, waits until it answers HTTP, and stops it with
// its whole process group. Shared by `npm start` and the contract tests' global setup.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const prismCli = fileURLToPath(new URL("../node_modules/@stoplight/prism-cli/dist/index.js", import.meta.url));

/**
 * Prism's arguments in front of the reference provider: a response that breaks the description
 * is an error (--errors). Requests go through unvalidated by Prism: it would refuse a bad one
 * with its own 422 or problem+json 401, which the API never sends; the provider refuses it as
 * the API does, with the documented 400 or 401 and the error envelope.
 */
export const statefulProxyArgs = ["--errors", "--validate-request", "false"];

export interface PrismOptions {
  /** The description to serve. */
  spec: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Proxy mode: the server to forward to, validating requests and responses on the way. Mock mode without it. */
  upstream?: string;
  /** Extra Prism arguments, such as `--errors` or `--dynamic`. */
  args?: string[];
  /** Where Prism's own log lines go; they are kept for the error message in any case. */
  onOutput?: (chunk: string) => void;
  readyTimeoutMs?: number;
}

export interface RunningPrism {
  url: string;
  /** The process ID of Prism, which leads its own process group. */
  pid: number;
  /** The end of what Prism printed so far (at most the last 64 KiB). */
  output(): string;
  /** Ends Prism and everything it started; resolves once it has exited. */
  stop(): Promise<void>;
  /** Resolves with the exit code when Prism exits by itself or is stopped. */
  exited: Promise<number | null>;
}

export async function startPrism(options: PrismOptions): Promise<RunningPrism> {
  const host = options.host ?? "127.0.0.1";
  const port = options.port || (await freePort(host));
  const url = `http://${host}:${port}`;
  const child = spawn(
    process.execPath,
    [
      prismCli,
      ...(options.upstream ? ["proxy", options.spec, options.upstream] : ["mock", options.spec]),
      ...["--host", host, "--port", String(port), ...(options.args ?? [])],
    ],
    // Its own process group, so that stop() also ends anything Prism starts.
    { detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  // Kept for error messages only, and bounded: Prism logs every request of a long session.
  const collect = (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    output = (output + text).slice(-65_536);
    options.onOutput?.(text);
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const stop = async () => {
    if (hasExited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
    const forced = setTimeout(() => {
      try {
        process.kill(-(child.pid as number), "SIGKILL");
      } catch {
        // Already gone.
      }
    }, 3000);
    await exited;
    clearTimeout(forced);
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  while (!(await answers(url))) {
    if (hasExited) throw new Error(`Prism exited before it answered on ${url}:\n${output}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Prism did not answer on ${url} within ${options.readyTimeoutMs ?? 30_000} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, pid: child.pid as number, output: () => output, stop, exited };
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

export function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
