// Type-checks snippets of TypeScript from the docs against the real client, with the project's
// compiler options. Each snippet is its own module (.mts, so top-level await is allowed).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { projectRoot } from "../../scripts/redocly.ts";

export { projectRoot };
export const clientEntry = join(projectRoot, "src/index.ts");

export interface Snippet {
  name: string;
  code: string;
}

/** The compiler's complaints about the snippets, as `name: message`; empty when all type-check. */
export function typecheckSnippets(snippets: Snippet[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), "albums-snippets-"));
  try {
    const files = new Map(
      snippets.map(({ name, code }, index) => {
        const file = join(dir, `snippet-${index}.mts`);
        writeFileSync(file, code);
        return [file, name] as const;
      }),
    );
    const config = ts.getParsedCommandLineOfConfigFile(join(projectRoot, "tsconfig.json"), {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => {},
    });
    const program = ts.createProgram([...files.keys()], { ...config?.options, noEmit: true });
    return ts
      .getPreEmitDiagnostics(program)
      .filter((diagnostic) => diagnostic.file && files.has(diagnostic.file.fileName))
      .map((d) => `${files.get(d.file?.fileName ?? "")}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
