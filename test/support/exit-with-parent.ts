// A setup file of every vitest project: a test worker ends when the vitest run that started it
// is gone. Killed outright (SIGKILL), vitest's main process cannot stop its forked workers, and
// a worker serving a mock or a fault server would go on holding its port with nobody to stop it.
import { watchParent } from "../../mock/node/parent-watch.ts";

if (process.send) {
  // A forked worker: its IPC channel to vitest closes the moment vitest dies.
  process.once("disconnect", () => process.exit(1));
}
watchParent(() => process.exit(1));
