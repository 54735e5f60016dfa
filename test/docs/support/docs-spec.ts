// What the docs' document (the description with docs/guide.yaml's additions) says the page should
// hold, and where Redoc puts it: the operations with their links, the guide's sections (the tags
// marked x-traitTag) with theirs, and the title.
import { docsDocument } from "../../../scripts/docs.ts";
import type { JsonObject } from "../../spec/support/spec.ts";
import { operations } from "../../spec/support/spec.ts";

const spec = docsDocument() as JsonObject;

export const info = spec.info as { title: string; version: string };

/** Redoc's id for a tag: its name, lower-cased, with a dash for every run of other characters. */
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-");

export const operationsInDocs = operations(spec).map(({ operation }) => {
  const tag = String((operation.tags as string[])[0]);
  return {
    operationId: String(operation.operationId),
    summary: String(operation.summary),
    // Redoc's id and hash link for an operation: the tag and the operationId, lower-cased.
    anchor: `${slug(tag)}/${String(operation.operationId).toLowerCase()}`,
    parameters: operation.operationId === "getLibraryAlbums" ? ["limit", "cursor"] : operation.operationId === "getAlbums" ? ["ids"] : ["id"],
    statuses: Object.keys(operation.responses as object),
    // The samples as the description writes them (x-codeSamples), in the order the page offers them.
    samples: operation["x-codeSamples"] as { lang: string; label?: string; source: string }[],
  };
});

/** The guide, in menu order (x-tagGroups): each section's menu label, heading and hash link. */
type Tag = { name: string; "x-traitTag"?: boolean; "x-displayName"?: string };
export const guideSections = ((spec["x-tagGroups"] ?? []) as { name: string; tags: string[] }[])
  .flatMap((group) => group.tags)
  .map((name) => (spec.tags as Tag[]).find((tag) => tag.name === name))
  .filter((tag): tag is Tag => tag?.["x-traitTag"] === true)
  .map(({ name, "x-displayName": label = name }) => ({ name, label, anchor: slug(name), link: `#/${slug(name)}` }));
