// The realistic variant of the description: the bundle with realistic.overlay.yaml applied
// (UUID entry IDs, ASIN-shaped IDs, upper-case codes, unique edges, nothing undescribed). The
// mock generates and checks its answers against it, and the tests hold the mock to it.
import { readFileSync } from "node:fs";
import { openapiOverlay } from "openapi-format/utils/overlay.js";
import { parse } from "yaml";

const overlayPath = new URL("../realistic.overlay.yaml", import.meta.url);

/** A new document: the published one is left as it is. Fails when an action finds nothing to change. */
export async function realisticDocument(published: object): Promise<object> {
  const overlay = parse(readFileSync(overlayPath, "utf8")) as unknown;
  const { data, resultData } = await openapiOverlay(structuredClone(published), { overlaySet: overlay });
  if (resultData.unusedActions.length > 0) {
    const targets = resultData.unusedActions.map((action) => action.target).join(", ");
    throw new Error(`mock/realistic.overlay.yaml is out of date: nothing matches ${targets}.`);
  }
  return data;
}
