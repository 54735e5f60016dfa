// The description the mock serves, as `npm run generate` wrote it: the published bundle and its
// realistic variant (the overlay's shapes put back), which the mock generates and checks its
// answers against. Imported, not read from disk, so that the mock's build and a browser (the MSW
// handlers) carry them.
import published from "../generated/openapi.json" with { type: "json" };
import realistic from "../generated/openapi.realistic.json" with { type: "json" };

export const publishedDocument: object = published;
export const realisticDocument: object = realistic;
