// Builds the site once for every docs test file, the way `npm run docs` does: dist/docs/ with the
// working description's page, every release's, Scalar's files, the Differences page and the changelog.
import { buildDocs } from "../../scripts/docs.ts";

export default function setup(): void {
  buildDocs();
}
