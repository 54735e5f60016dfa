// What the reference docs render for one version: its bundled description, with what
// docs/guide.yaml adds about the docs and the tools around the API (the local mock among the
// servers, the guide's Changes section, the navigation, the introduction's one link to the
// Differences page). A client generated from the description carries none of it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { projectRoot } from "../redocly.ts";

interface Tag {
  name: string;
  description?: string;
}

interface Server {
  url: string;
  description?: string;
}

export interface Guide {
  servers: Server[];
  introduction: string;
  tags: Tag[];
  append: Record<string, string>;
  "x-tagGroups": { name: string; tags: string[] }[];
  differences: { title: string; lead: string; readme: string[]; localMock: string };
}

export type Description = { info: { title: string; version: string; description?: string }; servers?: Server[]; tags?: Tag[] } & Record<string, unknown>;

export function readGuide(root = projectRoot): Guide {
  return parse(readFileSync(join(root, "docs", "guide.yaml"), "utf8")) as Guide;
}

export function readDescription(file: string): Description {
  return JSON.parse(readFileSync(file, "utf8")) as Description;
}

/** The files at the site's root that the guide's text links to. */
const rootFiles = ["differences.html", "CHANGELOG.md"];

/**
 * The document a page renders. `strict` (the working description) fails on an append to a
 * section the description does not have; a release, written before the guide changed, keeps
 * what it had: a section of the same name in it is replaced by the guide's, and the navigation
 * lists only the sections and tags it has. `base` leads from the page to the site's root
 * ("../../" for a release's page), for the guide's links to the files there.
 */
export function composeDocument(description: Description, original: Guide, { strict = true, base = "" } = {}): Description {
  const link = (text: string) => rootFiles.reduce((out, file) => out.replaceAll(`](${file})`, `](${base}${file})`), text);
  const guide = { ...original, introduction: link(original.introduction), tags: original.tags.map((tag) => ({ ...tag, description: link(tag.description ?? "") })) };
  const own = (description.tags ?? []).filter((tag) => !guide.tags.some((added) => added.name === tag.name));
  const tags = own.map((tag) => {
    const more = guide.append[tag.name];
    return more ? { ...tag, description: `${tag.description ?? ""}\n${more}` } : tag;
  });
  if (strict) {
    for (const name of Object.keys(guide.append)) {
      if (!tags.some((tag) => tag.name === name)) throw new Error(`docs/guide.yaml appends to the section ${name}, which the description does not have.`);
    }
  }
  const allTags = [...tags, ...guide.tags];
  const servers = [...(description.servers ?? [])];
  for (const server of guide.servers) if (!servers.some((s) => s.url === server.url)) servers.push(server);
  const groups = guide["x-tagGroups"].map((group) => ({ ...group, tags: group.tags.filter((name) => allTags.some((tag) => tag.name === name)) }));
  const intro = [description.info.description ?? "", guide.introduction].filter(Boolean).join("\n\n");
  return { ...description, info: { ...description.info, description: intro }, servers, tags: allTags, "x-tagGroups": groups };
}

/** The working description, as the docs render it (generated/openapi.json). */
export function docsDocument(root = projectRoot): Description {
  return composeDocument(readDescription(join(root, "generated", "openapi.json")), readGuide(root));
}
