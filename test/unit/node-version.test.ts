// npm run test:runtimes runs this project on each pinned Node.js: this proves the tests ran on
// the one it names, not on the machine's own. In any other run, it checks that the tests run on
// a Node.js the package says it supports (engines), so no run skips it.
import { readFileSync } from "node:fs";
import semver from "semver";
import { expect, it } from "vitest";

const asked = process.env.TEST_RUNTIMES_NODE_VERSION;
const { engines } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { engines: { node: string } };

it(`runs on ${asked ? `Node.js ${asked}, as test:runtimes asked` : `a Node.js the package supports (${engines.node})`}`, () => {
  if (asked) expect(process.version).toBe(asked);
  else expect(semver.satisfies(process.version, engines.node)).toBe(true);
});
