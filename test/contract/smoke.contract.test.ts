// The smoke programs' calls (test/support/client-smoke.ts) with our client against the mock, as a
// user of its own: the lines every generated client must print (expectedSmokeOutput) are what
// the mock really answers, pages and saves included.
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { smoke } from "../support/client-smoke.ts";
import { expectedSmokeOutput } from "../support/drift-server.ts";
import { mockClient } from "./support.ts";

it("prints what every generated client's smoke program prints against the mock", async () => {
  const { client } = mockClient({ accessToken: `smoke-${randomUUID()}`, retry: false });
  expect(await smoke(client)).toEqual(expectedSmokeOutput);
});
