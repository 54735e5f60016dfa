// `npm start`: bundles the description and serves it with Prism, validating every request.
// Options: --port (default 4010, or $PORT), --host (default 127.0.0.1), --dynamic.
import { parseArgs } from "node:util";
import { join } from "node:path";
import { bundle, generatedDir } from "./generate.ts";
import { startPrism } from "./prism.ts";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "4010" },
    host: { type: "string", default: "127.0.0.1" },
    dynamic: { type: "boolean", default: false },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`--port must be a whole number from 1 to 65535, not "${values.port}".`);
  process.exit(2);
}

// Rebundle first, so the mock serves what openapi/ says now, edits included.
bundle();
const prism = await startPrism({
  spec: join(generatedDir, "openapi.yaml"),
  host: values.host,
  port,
  args: ["--errors", ...(values.dynamic ? ["--dynamic"] : [])],
  onOutput: (text) => process.stdout.write(text),
});

console.log(`
Amazon Music Albums v1 mock: ${prism.url}
Every request needs both credentials (any values will do on the mock). Try:

  curl -H 'x-api-key: amzn1.application.example' -H 'Authorization: Bearer example-token' ${prism.url}/albums/B0064UPU4G

Send 'Prefer: code=404', 'Prefer: example=secondPage' or 'Prefer: dynamic=true' to choose a response. Ctrl-C stops it.
`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void prism.stop());
}
const code = await prism.exited;
process.exitCode = code ?? 0;
