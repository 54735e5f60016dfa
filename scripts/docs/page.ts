// One page of the reference: docs/template.html with the version's document, the version
// menu, the links to the files at the site's root, and docs/page.js inlined.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../redocly.ts";
import type { Description } from "./document.ts";
import { escapeHtml, scriptJson } from "./html.ts";

export interface MenuEntry {
  label: string;
  href: string;
  selected: boolean;
}

export interface PageInput {
  document: Description;
  menu: MenuEntry[];
  /** From the page to the site's root: "" or "../../". */
  base: string;
  assets: string;
}

const loopback = ["127.0.0.1", "localhost", "[::1]"];

export function renderPage({ document, menu, base, assets }: PageInput, root = projectRoot): string {
  const template = readFileSync(join(root, "docs", "template.html"), "utf8");
  const script = readFileSync(join(root, "docs", "page.js"), "utf8");
  // The hosts "Test Request" may reach besides loopback: the description's own servers.
  const production = (document.servers ?? [])
    .map((server) => new URL(server.url))
    .filter((url) => !loopback.includes(url.hostname))
    .map((url) => url.origin);
  const title = `${document.info.title} (${document.info.version})`;
  const values: Record<string, string> = {
    title: escapeHtml(title),
    production: [...new Set(production)].join(" "),
    changelog: escapeHtml(`${base}CHANGELOG.md`),
    versionOptions: menu.map((entry) => `<option value="${escapeHtml(entry.href)}"${entry.selected ? " selected" : ""}>${escapeHtml(entry.label)}</option>`).join(""),
    data: scriptJson({ document, assets, differences: `${base}differences.html` }),
    script,
  };
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`docs/template.html has {{${name}}}, which the build does not fill.`);
    return value;
  });
}
