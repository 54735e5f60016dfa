// The TypeScript code samples of the description (x-codeSamples) type-check against the real
// client: the package name they import is this project's src/index.ts.
import { describe, expect, it } from "vitest";
import { loadSpec, operations, type JsonObject } from "../spec/support/spec.ts";
import { clientEntry, typecheckSnippets } from "../support/typecheck.ts";
import { toolBudgetMs } from "../support/budgets.ts";

const samples = operations(loadSpec()).map(({ operation }) => ({
  operationId: String(operation.operationId),
  samples: (operation["x-codeSamples"] ?? []) as JsonObject[],
}));

describe("x-codeSamples", () => {
  it("every operation has curl, TypeScript and Python", () => {
    for (const { operationId, samples: list } of samples) {
      expect(list.map((s) => s.lang), operationId).toEqual(["Shell", "TypeScript", "Python"]);
    }
  });

  it("the TypeScript samples type-check against the client", { timeout: toolBudgetMs }, () => {
    const problems = typecheckSnippets(
      samples.map(({ operationId, samples: list }) => ({
        name: operationId,
        code: String(list.find((s) => s.lang === "TypeScript")?.source).replace('"amazon-music-albums-v1"', JSON.stringify(clientEntry)),
      })),
    );
    expect(problems).toEqual([]);
  });
});
