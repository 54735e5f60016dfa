// Prints Redocly's score of the description and fails when a dimension this project holds at
// 100% drops. Parameter and Schema Simplicity and Dependency Clarity are printed but not held:
// the API's own nested `data` envelopes and the components its operations share bound them.
// Constraint Clarity is printed but not held either: it counts constraints on response fields,
// and the responses promise only what Amazon documents (openapi/README.md, "Lenient responses").
import { redocly } from "./redocly.ts";

const held = {
  documentationQuality: "Documentation Quality",
  exampleCoverage: "Example Coverage",
  errorClarity: "Error Clarity",
  identifierClarity: "Identifier Clarity",
  // No oneOf/anyOf: unions are what generators in other languages name worst.
  polymorphismClarity: "Polymorphism Clarity",
} as const;
const reported = {
  constraintClarity: "Constraint Clarity",
  parameterSimplicity: "Parameter Simplicity",
  schemaSimplicity: "Schema Simplicity",
  dependencyClarity: "Dependency Clarity",
} as const;

interface Score {
  agentReadiness: number;
  discoverability: number; // already a percentage
  subscores: Record<keyof typeof held | keyof typeof reported, number>;
}

const score = JSON.parse(redocly(["score", "albums@v1", "--format", "json"])) as Score;
const percent = (fraction: number) => Math.round(fraction * 100);
const rows: Array<[string, number, boolean]> = [
  ...Object.entries(held).map(([key, name]): [string, number, boolean] => [
    name,
    percent(score.subscores[key as keyof typeof held]),
    true,
  ]),
  ["Discoverability", score.discoverability, true],
  ...Object.entries(reported).map(([key, name]): [string, number, boolean] => [
    name,
    percent(score.subscores[key as keyof typeof reported]),
    false,
  ]),
];

console.log(`Redocly score: agent readiness ${score.agentReadiness}/100`);
for (const [name, value, isHeld] of rows) {
  console.log(`  ${name.padEnd(22)} ${String(value).padStart(3)}%${isHeld ? "  (held at 100%)" : ""}`);
}
const failing = rows.filter(([, value, isHeld]) => isHeld && value < 100);
if (failing.length > 0) {
  console.error(`Below 100%: ${failing.map(([name]) => name).join(", ")}. Run \`npx redocly score --operation-details\` for the hot spots.`);
  process.exitCode = 1;
}
