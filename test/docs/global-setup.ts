// Builds the page once for every docs test file (about 3 s of Redocly each time otherwise), the
// way `npm run docs` does: dist/docs/index.html, with CHANGELOG.md beside it when there is one.
import { buildDocs } from "../../scripts/docs.ts";

export default function setup(): void {
  buildDocs();
}
