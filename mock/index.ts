// The mock of the Amazon Music Web API Albums v1 operations, for a test set-up: `startMock()`
// serves it on a free loopback port and resolves once it is ready, with its URL, a way to close
// it, and its state (reset, read, start from a file and keep it). The package's command is
// node/cli.ts; its MSW handlers are msw.ts.
import { StateError, type MockState } from "./core/state.ts";
import type { MockMode } from "./core/mode.ts";
import { createMockServer } from "./node/server.ts";
import { readStateFile, writeStateFile } from "./node/state-file.ts";

export type { MockMode, MockState };
export { StateError };

export interface StartMockOptions {
  /** Default 0: a free port, so that test files running at once never collide. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** `realistic` (default): a library per bearer token, real pages, 404 for unknown albums. `static`: the description's examples. */
  mode?: MockMode;
  /** Static mode: generated data for every answer. */
  dynamic?: boolean;
  /** Seeds the generated catalog and generated answers (default 1). */
  seed?: number;
  /** Albums generated for the catalog beyond the examples' (default 300). */
  albums?: number;
  /** Requests a second per API key, in bursts of twice that (default 150); `false` for no limit. */
  rateLimit?: number | false;
  /** How many users' libraries are kept, the least recently seen forgotten first (default 10,000). */
  maxUsers?: number;
  /** The libraries to start with: a state document, or the path of a JSON file holding one. */
  state?: MockState | string;
  /** With `state` a file: write the libraries back to it on close(), so that the next start keeps them. */
  persist?: boolean;
  /** One line per request; quiet without it. */
  log?: (line: string) => void;
  /**
   * Load Prism's mocker (what `Prefer` and the static mode answer with) only when a request first
   * needs it, rather than before startMock() resolves: a set-up that sends no Prefer starts faster.
   */
  lazyPrism?: boolean;
}

export interface RunningMock {
  /** Such as http://127.0.0.1:41234. */
  url: string;
  close(): Promise<void>;
  /** Empties the library of the user whose bearer token this is; without one, every library and rate limit. */
  reset(token?: string): void;
  /** Every library, users by the digest of their token (the form --persist writes). */
  state(): MockState;
}

export async function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  if (options.persist && typeof options.state !== "string") throw new StateError("persist writes the libraries back to the state file: give state as a file's path.");
  const state = typeof options.state === "string" ? readStateFile(options.state) : options.state;
  const server = await createMockServer({
    ...(options.mode ? { mode: options.mode } : {}),
    ...(options.dynamic ? { dynamic: true } : {}),
    ...(state === undefined ? {} : { state }),
    ...(options.log ? { log: options.log } : {}),
    ...(options.lazyPrism ? { lazyPrism: true } : {}),
    provider: {
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.albums === undefined ? {} : { generatedAlbums: options.albums }),
      ...(options.maxUsers === undefined ? {} : { maxUsers: options.maxUsers }),
      ...(options.rateLimit === undefined ? {} : { rateLimit: options.rateLimit === false ? undefined : { capacity: 2 * options.rateLimit, perSecond: options.rateLimit, maxKeys: 10_000 } }),
    },
  });
  const provider = () => {
    if (!server.provider) throw new StateError("The static mode keeps no libraries.");
    return server.provider;
  };
  try {
    const url = await server.listen(options.port ?? 0, options.host);
    await server.ready;
    return {
      url,
      reset: (token) => provider().reset(token),
      state: () => provider().exportState(),
      async close() {
        if (options.persist && typeof options.state === "string" && server.provider) writeStateFile(options.state, server.provider.exportState());
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}
