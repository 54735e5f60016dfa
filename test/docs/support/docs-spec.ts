// What the docs' document (the description with docs/guide.yaml's additions) says the page should
// hold, and where Scalar puts it: the operations with their links (the new ones and the Redoc
// ones before them, still working), the guide's sections (the tags marked x-traitTag), the title.
import { docsDocument } from "../../../scripts/docs.ts";
import type { JsonObject } from "../../spec/support/spec.ts";
import { operations } from "../../spec/support/spec.ts";

const spec = docsDocument() as unknown as JsonObject;

export const info = spec.info as { title: string; version: string };

/** The id Scalar and Redoc both give a tag: its name, lower-cased, with a dash for every run of other characters. */
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-");

export const operationsInDocs = operations(spec).map(({ path, method, operation }) => {
  const tag = String((operation.tags as string[])[0]);
  const anchor = `tag/${slug(tag)}/${String(operation.operationId).toLowerCase()}`;
  return {
    operationId: String(operation.operationId),
    summary: String(operation.summary),
    method: method.toUpperCase(),
    path,
    /** Its hash link (#tag/albums/getalbum), and the one the Redoc pages had (#/albums/getalbum). */
    anchor,
    link: `#${anchor}`,
    oldLink: `#/${slug(tag)}/${String(operation.operationId).toLowerCase()}`,
    parameters: operation.operationId === "getLibraryAlbums" ? ["limit", "cursor"] : operation.operationId === "getAlbums" ? ["ids"] : ["id"],
    statuses: Object.keys(operation.responses as object),
    // The samples as the description writes them (x-codeSamples), in the order the page offers them.
    samples: operation["x-codeSamples"] as { lang: string; label?: string; source: string }[],
  };
});

/** An operation's section: Scalar prefixes its ids with the document's, so match the end. */
export const sectionOf = (anchor: string) => `section[id$="/${anchor}"], section[id="${anchor}"]`;

/** The guide, in menu order (x-tagGroups): each section's label, its link, and the Redoc link before it. */
type Tag = { name: string; "x-traitTag"?: boolean; "x-displayName"?: string };
export const guideSections = ((spec["x-tagGroups"] ?? []) as { name: string; tags: string[] }[])
  .flatMap((group) => group.tags)
  .map((name) => (spec.tags as Tag[]).find((tag) => tag.name === name))
  .filter((tag): tag is Tag => tag?.["x-traitTag"] === true)
  .map(({ name, "x-displayName": label = name }) => ({ name, label, anchor: `tag/${slug(name)}`, link: `#tag/${slug(name)}`, oldLink: `#/${slug(name)}` }));

/** Every example's caption (summary and description) in the document: what a reader sees above it. */
export const exampleCaptions = (() => {
  const captions: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (key === "examples" && value && typeof value === "object" && !Array.isArray(value)) {
          for (const example of Object.values(value)) {
            const { summary, description } = example as { summary?: string; description?: string };
            captions.push(...[summary, description].filter((text): text is string => typeof text === "string"));
          }
        }
        visit(value);
      }
    }
  };
  visit(spec.paths);
  visit(spec.components);
  return captions;
})();
