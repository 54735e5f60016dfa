// Every TypeScript snippet of the README type-checks against the real client, so the README
// cannot drift from the API. (The client example is also run, against the mock, in test/contract.)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const snippets = [...readFileSync(join(root, "README.md"), "utf8").matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);

// What the snippets take as given; each snippet runs in a block of its own.
const prelude = (index: number) => `
import { AlbumsApiError, createAlbumsClient } from ${JSON.stringify(join(root, "src/index.ts"))};
declare const apiKey: string;
declare const accessToken: string;
declare const tokens: { current(): Promise<string> };
declare const thousandIds: string[];
declare const albums: ReturnType<typeof createAlbumsClient>;
void AlbumsApiError;
export const snippet${index} = 1;
`;

it("the README's TypeScript snippets type-check", () => {
  expect(snippets.length).toBeGreaterThanOrEqual(5);
  const dir = mkdtempSync(join(tmpdir(), "albums-readme-snippets-"));
  try {
    const files = snippets.map((code, index) => {
      const file = join(dir, `snippet-${index}.mts`);
      const body = code.includes('from "./src/index.ts"') ? code.replace('"./src/index.ts"', JSON.stringify(join(root, "src/index.ts"))) : `${prelude(index)}{\n${code}}\n`;
      writeFileSync(file, body);
      return file;
    });
    const config = ts.getParsedCommandLineOfConfigFile(join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    const program = ts.createProgram(files, { ...config?.options, noEmit: true });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && files.includes(d.file.fileName))
      .map((d) => `${d.file?.fileName.replace(dir, "")}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    expect(problems).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);
