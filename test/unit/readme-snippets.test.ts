// Every TypeScript snippet of the README type-checks against the real client, so the README
// cannot drift from the API. (The client example is also run, against the mock, in test/contract.)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { toolBudgetMs } from "../support/budgets.ts";
import { clientEntry, projectRoot, typecheckSnippets } from "../support/typecheck.ts";

// The client's snippets: those of the mock's package (marked, in a project of their own with the
// mock and vitest) are run and type-checked by test/mock/package.test.ts.
const snippets = [...readFileSync(join(projectRoot, "README.md"), "utf8").matchAll(/(<!-- mock-package: \S+ -->\n)?```ts\n([\s\S]*?)```/g)]
  .filter((m) => m[1] === undefined)
  .map((m) => m[2] as string);

// What the snippets take as given; each snippet runs in a block of its own.
const prelude = `
import { AlbumsApiError, createAlbumsClient } from ${JSON.stringify(clientEntry)};
declare const apiKey: string;
declare const accessToken: string;
declare const tokens: { current(): Promise<string> };
declare const thousandIds: string[];
declare const albums: ReturnType<typeof createAlbumsClient>;
void AlbumsApiError;
export {};
`;

it("the README's TypeScript snippets type-check", { timeout: toolBudgetMs }, () => {
  expect(snippets.length).toBeGreaterThanOrEqual(5);
  const problems = typecheckSnippets(
    snippets.map((code, index) => ({
      name: `README snippet ${index + 1}`,
      // A snippet that imports the package (by its published name) is whole; the others use the prelude.
      code: code.includes('from "amazon-music-albums-v1"') ? code.replace('"amazon-music-albums-v1"', JSON.stringify(clientEntry)) : `${prelude}{\n${code}}\n`,
    })),
  );
  expect(problems).toEqual([]);
});
