// The loopback album server of the overhead benchmark, as a process of its own, so that its
// work is not counted against the client it serves. Prints its URL on the first line.
import { albumServer } from "./servers.ts";

const server = await albumServer();
console.log(server.url);
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));
