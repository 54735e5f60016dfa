// The digest of what generated/ is made from (the description's source, and the overlay of the
// mock's realistic shapes): `npm run generate` writes it to generated/source.sha256 beside what it
// made, so that `npm start` can tell in a few milliseconds whether generated/ is fresh. The code
// is in mock/freshness.mjs, which `npm start` reads without a TypeScript loader.
export { digestFileName, sourceDigest, sourcePaths } from "../mock/freshness.mjs";
