// Checks the split source in openapi/ as files: every `$ref` reaches an existing file and,
// when it has a fragment, an existing node in it; and every YAML file is reached from the
// root, so that no component sits in a file nothing uses. Independent of Redocly, whose
// bundler only warns about a reference it cannot resolve.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parse } from "yaml";
import { escapePointerToken, isObject, resolvePointer, type Json } from "./spec.ts";

export interface SourceReport {
  broken: string[];
  unreached: string[];
}

export function checkSourceRefs(rootFile: string): SourceReport {
  const root = resolve(rootFile);
  const base = dirname(root);
  const docs = new Map<string, Json | undefined>();
  const broken: string[] = [];
  const queue: string[] = [];

  // Reads each file once; a file that exists joins the queue of files to scan for $refs.
  const load = (file: string): Json | undefined => {
    if (!docs.has(file)) {
      const doc = existsAsFile(file) ? (parse(readFileSync(file, "utf8")) as Json) : undefined;
      docs.set(file, doc);
      if (doc !== undefined) queue.push(file);
    }
    return docs.get(file);
  };
  load(root);

  while (queue.length > 0) {
    const file = queue.shift() as string;
    for (const { ref, at } of refsIn(docs.get(file), "")) {
      const [target = "", fragment] = ref.split("#", 2);
      const targetFile = target === "" ? file : resolve(dirname(file), target);
      const where = `${relative(base, file)}${at === "" ? "" : `#${at}`}`;
      const doc = load(targetFile);
      if (doc === undefined) {
        broken.push(`${where}: $ref ${ref} names a file that does not exist`);
      } else if (fragment !== undefined && fragment !== "" && resolvePointer(doc, `#${fragment}`) === undefined) {
        broken.push(`${where}: $ref ${ref} names a node that does not exist`);
      }
    }
  }

  const reached = new Set(docs.keys());
  const unreached = yamlFilesUnder(base)
    .filter((file) => !reached.has(file))
    .map((file) => relative(base, file));
  return { broken, unreached };
}

function* refsIn(node: Json | undefined, at: string): Generator<{ ref: string; at: string }> {
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries()) yield* refsIn(item, `${at}/${index}`);
  } else if (isObject(node)) {
    if (typeof node.$ref === "string") yield { ref: node.$ref, at };
    for (const [key, child] of Object.entries(node)) {
      // Example values are data: a "$ref" key inside one is not a reference.
      if (key !== "value") yield* refsIn(child, `${at}/${escapePointerToken(key)}`);
    }
  }
}

function existsAsFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFilesUnder(path);
    // Arazzo workflows are documents of their own, not parts of the description.
    return /\.ya?ml$/.test(entry.name) && !entry.name.endsWith(".arazzo.yaml") ? [path] : [];
  });
}
