// The realistic shapes the mock generates and checks its answers against: the published bundle
// with mock/realistic.overlay.yaml applied, the bundle itself untouched, and an overlay that no
// longer matches the description failing loudly instead of checking less.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { realisticDocument } from "../../mock/node/realistic.ts";
import { bundlePath } from "../support/mock.ts";

type Schemas = { components: { schemas: Record<string, { properties: Record<string, Record<string, unknown>> }> } };

describe("the realistic document", () => {
  it("is the bundle with the overlay's shapes, in a copy", async () => {
    const bundle = JSON.parse(readFileSync(bundlePath, "utf8")) as Schemas;
    const before = structuredClone(bundle);
    const realistic = (await realisticDocument(bundle)) as Schemas;
    expect(realistic.components.schemas.Album?.properties.id).toMatchObject({ pattern: "^[A-Z0-9]{10}$" });
    expect(realistic.components.schemas.LibraryAlbumEdge?.properties.objectId).toMatchObject({ format: "uuid" });
    expect(bundle).toEqual(before);
  });

  it("cannot be made from a description the overlay no longer matches: it names each target left", async () => {
    await expect(realisticDocument({ openapi: "3.1.0", components: { schemas: {} } })).rejects.toThrow(
      /^mock\/realistic\.overlay\.yaml is out of date: nothing matches \$\.components\.schemas\[\?\(@\.type == 'object'\)\], \$\.components\.schemas\.Album\.properties\.id, .*\$\.components\.headers\.RetryAfter\.schema\.$/,
    );
  });
});
