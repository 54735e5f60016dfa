// `npm start`: bundles the description and serves it with Prism, validating every request.
// `npm start -- --stateful` (or `npm run mock:stateful`): the reference provider in mock/, with a
// real library and pagination, behind Prism's validating proxy.
// Options: --port (default 4010, or $PORT), --host (default 127.0.0.1), --dynamic, --stateful,
// --provider-port (default: a free one).
import { join } from "node:path";
import { parseArgs } from "node:util";
import { bundle, generatedDir } from "./generate.ts";
import { startPrism } from "./prism.ts";
import { startStatefulStack } from "./stateful-stack.ts";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "4010" },
    host: { type: "string", default: "127.0.0.1" },
    dynamic: { type: "boolean", default: false },
    stateful: { type: "boolean", default: false },
    "provider-port": { type: "string" },
  },
});
const port = checkPort("--port", values.port);

// Rebundle first, so the mock serves what openapi/ says now, edits included.
bundle();

const onOutput = (text: string) => process.stdout.write(text);
const server = values.stateful
  ? await startStatefulStack({
      host: values.host,
      port,
      ...(values["provider-port"] ? { providerPort: checkPort("--provider-port", values["provider-port"]) } : {}),
      onOutput,
    })
  : await startPrism({
      spec: join(generatedDir, "openapi.yaml"),
      host: values.host,
      port,
      args: ["--errors", ...(values.dynamic ? ["--dynamic"] : [])],
      onOutput,
    });
const upstream = "providerUrl" in server ? server.providerUrl : undefined;

console.log(
  upstream
    ? `
Amazon Music Albums v1, stateful: ${server.url} (Prism failing any response that breaks the description)
  in front of the reference provider at ${upstream}
Saved albums show up in the library, pages end, unknown IDs get 404. Try:

  curl -X PUT -H 'x-api-key: amzn1.application.example' -H 'Authorization: Bearer my-user' ${server.url}/me/library/albums/B0064UPU4G
  curl -H 'x-api-key: amzn1.application.example' -H 'Authorization: Bearer my-user' ${server.url}/me/library/albums

Each bearer token is a user with a library of its own. Ctrl-C stops both.
`
    : `
Amazon Music Albums v1 mock: ${server.url}
Every request needs both credentials (any values will do on the mock). Try:

  curl -H 'x-api-key: amzn1.application.example' -H 'Authorization: Bearer example-token' ${server.url}/albums/B0064UPU4G

Send 'Prefer: code=404', 'Prefer: example=secondPage' or 'Prefer: dynamic=true' to choose a response. Ctrl-C stops it.
`,
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void server.stop());
}
process.exitCode = (await server.exited) ?? 0;
// Prism may exit by itself: the provider must not outlive it.
await server.stop();

function checkPort(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 65535) {
    console.error(`${name} must be a whole number from 1 to 65535, not "${value}".`);
    process.exit(2);
  }
  return number;
}
