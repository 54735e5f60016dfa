// The mock's controls, as Prism has them: `Prefer: code=404`, `Prefer: example=secondPage`,
// `Prefer: dynamic=true` (and `seed=` with it), combined with commas or semicolons. Other
// preferences (RFC 7240 has several) are not the mock's business and are ignored.
import { badRequest } from "./envelope.ts";

export interface Preferences {
  code?: number;
  example?: string;
  dynamic?: boolean;
  seed?: string;
}

/** Undefined when the header asks nothing of the mock. */
export function parsePrefer(header: string | string[] | undefined): Preferences | undefined {
  if (header === undefined) return undefined;
  const preferences: Preferences = {};
  for (const part of [header].flat().join(",").split(/[,;]/)) {
    // The value is matched lazily, so that the whitespace RFC 7240 allows before a `;` or `,` is not read into it.
    const match = /^\s*([A-Za-z-]+)\s*(?:=\s*"?([^"]*?)"?)?\s*$/.exec(part);
    const [, name, value = ""] = match ?? [];
    switch (name?.toLowerCase()) {
      case "code":
        if (!/^[1-5][0-9]{2}$/.test(value)) throw badRequest(`Prefer: code=${value} is not an HTTP status: use three digits, such as code=404.`);
        preferences.code = Number(value);
        break;
      case "example":
        if (value === "") throw badRequest("Prefer: example= names no example: use example=<name>, such as example=secondPage.");
        preferences.example = value;
        break;
      case "dynamic":
        if (value !== "true" && value !== "false") throw badRequest(`Prefer: dynamic=${value} is neither true nor false.`);
        preferences.dynamic = value === "true";
        break;
      case "seed":
        preferences.seed = value;
        break;
    }
  }
  return Object.keys(preferences).length === 0 ? undefined : preferences;
}
