// What the validating proxy (proxy.ts) found, grouped: a thousand identical findings are one entry
// with a count. Each is logged as one line when it happens and kept in the drift report (JSON
// lines, rewritten as findings come and when the proxy stops), which `npm run drift-report`
// prints as a table. Nothing in them is a credential, a token, a cursor or a personal value
// (a user's ID, a library entry's): where a value would be one, the report gives its shape only
// (`aaaa9.aaaaaa.AA9AA9AAAA`), which is what the description's text needs to learn.
import { renameSync, writeFileSync } from "node:fs";
import type { Problem } from "../core/validation.ts";

export type FindingKind = "request" | "response" | "note";

/** One way a request or an answer departs from the description, as the proxy saw it. */
export interface Sighting extends Problem {
  kind: FindingKind;
  operationId: string;
  /** The description's path template (`/albums/{id}`), never the path with its values. */
  template: string;
  method: string;
  status: number | undefined;
}

/** A finding of the report: what departs, where, what the description expects, how often. */
export interface Finding {
  kind: FindingKind;
  operation: string;
  method: string;
  path: string;
  status: number | undefined;
  where: Problem["where"];
  /** A JSON pointer into the body (`/data/album/id`), a header's name, or the request's part (`/query/limit`). */
  pointer: string;
  expected: string;
  /** The value as it may be shown: itself for a new value of an open set, its shape where it could be personal. */
  seen?: string;
  /** The file of openapi/ that says what was expected there. */
  source: string;
  count: number;
  first: string;
  last: string;
}

export interface DriftLog {
  add(sighting: Sighting): void;
  findings(): Finding[];
  /** Writes the report now (the proxy calls it when it stops). */
  flush(): void;
}

/** Pointer segments whose values identify a user or a session: shown by their shape only. */
const personal = new Set(["token", "cursor", "objectId", "authorization", "x-api-key", "headers"]);

export function createDriftLog(options: { document: object; report?: string; log?: (line: string) => void }): DriftLog {
  const groups = new Map<string, Finding>();
  let pending: NodeJS.Timeout | undefined;
  const write = () => {
    pending = undefined;
    if (!options.report) return;
    const partial = `${options.report}.${process.pid}.partial`;
    writeFileSync(partial, [...groups.values()].map((finding) => JSON.stringify(finding)).join("\n") + (groups.size > 0 ? "\n" : ""));
    renameSync(partial, options.report);
  };

  return {
    add(sighting) {
      const seen = shown(sighting);
      const key = JSON.stringify([sighting.kind, sighting.operationId, sighting.method, sighting.template, sighting.status, sighting.where, sighting.pointer, sighting.expected, seen]);
      const now = new Date().toISOString();
      const known = groups.get(key);
      if (known) {
        known.count++;
        known.last = now;
      } else {
        groups.set(key, {
          kind: sighting.kind,
          operation: sighting.operationId,
          method: sighting.method,
          path: sighting.template,
          status: sighting.status,
          where: sighting.where,
          pointer: sighting.pointer,
          expected: sighting.expected,
          ...(seen === undefined ? {} : { seen }),
          source: sourceOf(options.document, sighting),
          count: 1,
          first: now,
          last: now,
        });
      }
      const label = sighting.kind === "note" ? "note" : `drift (${sighting.kind})`;
      options.log?.(`${label}: ${sighting.operationId} ${sighting.method} ${sighting.template}${sighting.status === undefined ? "" : ` ${sighting.status}`} ${sighting.pointer || (sighting.where === "status" ? "status" : "/")}: ${sighting.expected}${seen === undefined ? "" : ` (seen: ${seen})`}`);
      if (options.report && !pending) {
        pending = setTimeout(write, 250);
        pending.unref();
      }
    },
    findings: () => [...groups.values()],
    flush() {
      if (pending) clearTimeout(pending);
      write();
    },
  };
}

/** The value of a sighting as the report may show it. */
function shown({ value, keyword, pointer }: Sighting): string | undefined {
  if (value === undefined) return undefined;
  const segments = pointer.split("/");
  const isPersonal = segments.some((segment) => personal.has(segment)) || /\/user\/id$/.test(pointer);
  if (typeof value !== "string") return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : typeof value;
  // A new value of an open set is what the description should list next; anything else, by its shape.
  if (!isPersonal && keyword === "enum") return value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return shapeOf(value);
}

/** A string's shape: each letter as a or A, each digit as 9, the rest as it is (cut at 60). */
export function shapeOf(text: string): string {
  let shape = "";
  for (const character of text.slice(0, 60)) {
    shape += character >= "a" && character <= "z" ? "a" : character >= "A" && character <= "Z" ? "A" : character >= "0" && character <= "9" ? "9" : character;
  }
  return text.length > 60 ? `${shape}…` : shape;
}

type Json = Record<string, unknown>;

/**
 * The file of openapi/ that says what was expected where the sighting is: the schema component
 * the pointer ends in (one file per component, named after it), the header's or the parameter's,
 * or the path's file for a status the operation does not list.
 */
export function sourceOf(document: object, sighting: Pick<Sighting, "operationId" | "template" | "method" | "status" | "where" | "pointer">): string {
  const pathFile = `openapi/paths/${sighting.template.replace(/^\//, "").replaceAll("/", "_") || "index"}.yaml`;
  const doc = document as { paths?: Record<string, Record<string, Json>>; components?: Record<string, Record<string, Json>> };
  const operation = doc.paths?.[sighting.template]?.[sighting.method.toLowerCase()];
  if (!operation) return "openapi/openapi.yaml";
  if (sighting.where === "request") {
    const name = /^\/(?:query|path)\/([^/]+)/.exec(sighting.pointer)?.[1];
    const parameters = [...((doc.paths?.[sighting.template]?.parameters as unknown as Json[]) ?? []), ...((operation.parameters as Json[]) ?? [])];
    const ref = parameters.map((parameter) => String(parameter.$ref ?? "")).find((ref) => ref && (doc.components?.parameters?.[ref.split("/").at(-1) ?? ""] as Json | undefined)?.name === name);
    return ref ? `openapi/components/parameters/${ref.split("/").at(-1)}.yaml` : pathFile;
  }
  const responses = operation.responses as Record<string, Json>;
  const response = responses[String(sighting.status)] ?? responses.default;
  if (!response || sighting.where === "status") return pathFile;
  let file = typeof response.$ref === "string" ? `openapi/components/responses/${response.$ref.split("/").at(-1)}.yaml` : pathFile;
  const resolved = (typeof response.$ref === "string" ? doc.components?.responses?.[response.$ref.split("/").at(-1) ?? ""] : response) as Json | undefined;
  if (sighting.where === "header") {
    const header = ((resolved?.headers ?? {}) as Record<string, Json>)[Object.keys(resolved?.headers ?? {}).find((name) => name.toLowerCase() === sighting.pointer) ?? ""];
    return typeof header?.$ref === "string" ? `openapi/components/headers/${header.$ref.split("/").at(-1)}.yaml` : file;
  }
  // Down the body's schema along the pointer, keeping the last component passed through.
  let schema = ((resolved?.content as Record<string, Json> | undefined)?.["application/json"]?.schema ?? {}) as Json;
  const follow = () => {
    for (let depth = 0; typeof schema.$ref === "string" && depth < 20; depth++) {
      const name = schema.$ref.split("/").at(-1) ?? "";
      file = `openapi/components/schemas/${name}.yaml`;
      schema = (doc.components?.schemas?.[name] ?? {}) as Json;
    }
  };
  follow();
  for (const segment of sighting.pointer.split("/").filter(Boolean)) {
    const next = /^\d+$/.test(segment) ? schema.items : (schema.properties as Json | undefined)?.[segment.replaceAll("~1", "/").replaceAll("~0", "~")];
    if (typeof next !== "object" || next === null) break;
    schema = next as Json;
    follow();
  }
  return file;
}
