// `npm run release:artifacts`: builds dist/release/ from the current commit (what `npm run release`
// does last), for CI and to check that a commit rebuilds to the same bytes (compare SHA256SUMS).
// Refuses a tree with uncommitted changes: the artefacts would not be the commit's.
import { relative } from "node:path";
import { projectRoot } from "./redocly.ts";
import { artifactsDir, buildArtifacts } from "./release/artifacts.ts";
import { uncommittedChanges } from "./release/git.ts";

const dirty = uncommittedChanges();
if (dirty.length > 0) {
  console.error(`The artefacts are built from a commit, and the tree has uncommitted changes:\n    ${dirty.join("\n    ")}`);
  process.exit(1);
}
const sums = buildArtifacts();
console.log(`Built ${relative(projectRoot, artifactsDir)}/ from the current commit. SHA256SUMS:\n${sums}`);
