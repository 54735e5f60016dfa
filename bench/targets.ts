// The servers the mock's benchmark compares, each started in a process of its own (as a user
// runs the mock) and printing its URL on its first line: `node --import tsx bench/targets.ts <name>`.
// - floor: a bare node:http server answering a canned album: what HTTP alone costs here.
// - provider: the reference provider alone behind node:http: the mock's own work, without
//   routing or validation.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { checkCredentials } from "../mock/core/credentials.ts";
import { MockError } from "../mock/core/envelope.ts";
import { createProvider } from "../mock/core/provider.ts";
import { watchParent } from "../mock/node/parent-watch.ts";

const document = JSON.parse(readFileSync(new URL("../generated/openapi.json", import.meta.url), "utf8")) as object;
// No rate limit: the benchmark sends far more than an API key may.
const provider = createProvider(document, { rateLimit: undefined });
const cannedAlbum = JSON.stringify(provider.handle({
  operationId: "getAlbum",
  path: { id: "B0064UPU4G" },
  query: {},
  credentials: checkCredentials({ "x-api-key": "k", authorization: "Bearer t" }, { expiredTokens: true }),
}).body);

const targets = {
  floor: createServer((_, response) => {
    response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(cannedAlbum) });
    response.end(cannedAlbum);
  }),
  provider: createServer((request, response) => {
    let status = 200;
    let body: unknown;
    try {
      const id = /^\/albums\/([^/?]+)/.exec(request.url ?? "")?.[1] ?? "";
      const answer = provider.handle({ operationId: "getAlbum", path: { id }, query: {}, credentials: checkCredentials(request.headers, { expiredTokens: true }) });
      body = answer.body;
    } catch (error) {
      const refusal = error instanceof MockError ? error.toResponse() : { status: 500, body: { error: String(error) } };
      status = refusal.status;
      body = refusal.body;
    }
    const text = JSON.stringify(body);
    response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
    response.end(text);
  }),
};

const name = process.argv[2] as keyof typeof targets;
const server = targets[name];
if (!server) throw new Error(`Unknown target ${process.argv[2]}: floor or provider.`);
server.keepAliveTimeout = 10_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`);
});
// The benchmark stops it; should the benchmark die instead, it stops by itself.
watchParent(() => process.exit(0));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(0));
