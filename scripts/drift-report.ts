// `npm run drift-report -- <file>`: the drift report of the validating proxy (npm start -- --proxy
// <url> --report <file>) as a table: each finding, how often it was seen, and which file of
// openapi/ says what was expected there. Drift first (requests, then answers, that break the
// description), then the notes (valid answers that depart from the shapes seen so far).
import { readFileSync } from "node:fs";
import { isMain } from "./is-main.ts";
import type { Finding } from "../mock/node/drift.ts";

const order = { request: 0, response: 1, note: 2 } as const;

export function readReport(text: string): Finding[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line, index) => {
      try {
        return JSON.parse(line) as Finding;
      } catch {
        throw new Error(`Line ${index + 1} of the report is not JSON: is it a drift report (--report)?`);
      }
    });
}

export function reportTable(findings: Finding[]): string {
  if (findings.length === 0) return "No findings: every request and answer the proxy saw kept to the description.";
  const rows = [...findings]
    .sort((a, b) => order[a.kind] - order[b.kind] || b.count - a.count)
    .map((finding) => [
      finding.kind === "note" ? "note" : `drift: ${finding.kind}`,
      String(finding.count),
      `${finding.operation} ${finding.method} ${finding.path}${finding.status === undefined ? "" : ` ${finding.status}`}`,
      finding.pointer || finding.where,
      `${finding.expected}${finding.seen === undefined ? "" : ` (seen: ${finding.seen})`}`,
      finding.source,
    ]);
  const header = ["kind", "count", "request", "where", "expected", "file of openapi/"];
  const widths = header.map((title, column) => Math.min(60, Math.max(title.length, ...rows.map((row) => (row[column] as string).length))));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] as number)).join("  ").trimEnd();
  const drift = findings.filter((finding) => finding.kind !== "note").length;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line), "", `${drift} finding${drift === 1 ? "" : "s"} of drift, ${findings.length - drift} note${findings.length - drift === 1 ? "" : "s"}.`].join("\n");
}

if (isMain(import.meta.url)) {
  const file = process.argv[2];
  if (!file || file.startsWith("-")) {
    console.error("Usage: npm run drift-report -- <file>   (the file of npm start -- --proxy <url> --report <file>)");
    process.exit(2);
  }
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    console.error(`Cannot read ${file}: ${(error as Error).message}`);
    process.exit(2);
  }
  try {
    console.log(reportTable(readReport(text)));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
}
