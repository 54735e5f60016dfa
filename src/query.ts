// The query string of a request: each value encoded as a URL component, except for the comma,
// which stays literal. The description's lists are comma-separated in one value
// (`ids=B0064UPU4G,B00D3PLC1K`, as Amazon's examples send them); a comma has no other meaning in a
// query, while `+`, `&`, `=` and `%` in a cursor token must stay encoded.
export function serializeQuery(query: Record<string, unknown> | undefined): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value)).replaceAll("%2C", ",")}`);
  }
  return parts.join("&");
}
