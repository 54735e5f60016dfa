// Setting info.version in openapi/openapi.yaml by editing its one line, so that the rest of the
// hand-written file (comments, quoting, folded text) stays exactly as written.
import { parse } from "yaml";

export function withInfoVersion(source: string, version: string): string {
  // The first line indented by exactly two spaces and keyed `version:` inside the `info:` block.
  const updated = source.replace(/^(info:\r?\n(?:(?: {2}.*)?\r?\n)*?) {2}version:.*$/m, `$1  version: '${version}'`);
  const written = (parse(updated) as { info?: { version?: unknown } } | null)?.info?.version;
  if (written !== version) throw new Error(`Could not set info.version to ${version} in openapi/openapi.yaml (it reads ${String(written)})`);
  return updated;
}

/** info.version of a description's text. */
export function infoVersion(source: string): string {
  return String((parse(source) as { info?: { version?: unknown } } | null)?.info?.version);
}
