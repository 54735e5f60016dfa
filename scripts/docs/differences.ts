// The page "Differences from Amazon's documentation" (differences.html): the sections of
// openapi/README.md that docs/guide.yaml names, read from it at build time so that there is one
// source, then the local mock. Static HTML: nothing on it needs a script.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { marked } from "marked";
import { projectRoot } from "../redocly.ts";
import type { Guide } from "./document.ts";
import { escapeHtml, slug } from "./html.ts";

/** The body of each `## ` section of a markdown file, by heading. */
export function markdownSections(markdown: string): Map<string, string> {
  const sections = new Map<string, string>();
  let heading: string | undefined;
  let lines: string[] = [];
  const flush = () => {
    if (heading !== undefined) sections.set(heading, lines.join("\n").trim());
  };
  for (const line of markdown.split("\n")) {
    if (line.startsWith("## ")) {
      flush();
      heading = line.slice(3).trim();
      lines = [];
    } else if (line.startsWith("# ")) {
      flush();
      heading = undefined;
    } else lines.push(line);
  }
  flush();
  return sections;
}

export interface DifferencesSection {
  heading: string;
  id: string;
  markdown: string;
}

/** The page's sections, in order; fails naming a section openapi/README.md no longer has. */
export function differencesSections(guide: Guide, root = projectRoot): DifferencesSection[] {
  const readme = markdownSections(readFileSync(join(root, "openapi", "README.md"), "utf8"));
  const sections = guide.differences.readme.map((heading) => {
    const markdown = readme.get(heading);
    if (markdown === undefined) throw new Error(`docs/guide.yaml puts the section "${heading}" of openapi/README.md on the Differences page, and openapi/README.md has no such section.`);
    return { heading, id: slug(heading), markdown };
  });
  return [...sections, { heading: "The local mock", id: "local-mock", markdown: guide.differences.localMock }];
}

/** The page itself; `reference` is the link back to the reference. */
export function differencesPage(guide: Guide, reference: string, root = projectRoot): string {
  const sections = differencesSections(guide, root);
  const body = sections.map((s) => `<section id="${s.id}">\n<h2>${escapeHtml(s.heading)}</h2>\n${marked.parse(s.markdown, { async: false }) as string}</section>`).join("\n");
  const toc = sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.heading)}</a></li>`).join("\n");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${escapeHtml(guide.differences.title)}</title>
<style>
  body { font: 16px/1.6 system-ui, sans-serif; color: #1b1b1f; margin: 0 auto; padding: 1rem 1.25rem 4rem; max-width: 60rem; }
  code { font-size: 0.9em; background: #f2f2f5; padding: 0.1em 0.3em; border-radius: 3px; overflow-wrap: anywhere; }
  /* Tables of three or four columns: on a phone they scroll inside their own box, the page does not. */
  table { border-collapse: collapse; display: block; overflow-x: auto; margin: 1rem 0; }
  th, td { border: 1px solid #d6d6de; padding: 0.4rem 0.6rem; vertical-align: top; text-align: left; min-width: 8rem; }
  a { color: #0b57d0; }
</style>
</head>
<body>
<p><a href="${reference}">← The reference</a></p>
<h1>${escapeHtml(guide.differences.title)}</h1>
${marked.parse(guide.differences.lead, { async: false }) as string}
<ul>
${toc}
</ul>
${body}
</body>
</html>
`;
}
