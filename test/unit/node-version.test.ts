// npm run test:runtimes runs this project on each pinned Node.js: this proves the tests ran on
// the one it names, not on the machine's own. Skipped in any other run.
import { expect, it } from "vitest";

const expected = process.env.TEST_RUNTIMES_NODE_VERSION;

it.runIf(expected !== undefined)(`runs on Node.js ${expected}, as test:runtimes asked`, () => {
  expect(process.version).toBe(expected);
});
