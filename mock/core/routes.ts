// The description's paths as routes: which operation a method and path name, with the path's
// parameters decoded, or why none does (404 for a path the API does not have, 405 with the
// methods it does have).
import { MockError, badRequest, quote } from "./envelope.ts";
import type { OperationId } from "./provider.ts";

export interface Route {
  operationId: OperationId;
  /** Decoded path parameters. */
  path: Record<string, string>;
  /** The description's path it matched, such as `/albums/{id}`. */
  template: string;
}

export interface Router {
  /** The route, or the refusal as a MockError (404, 405, or 400 for a malformed escape). */
  find(method: string, pathname: string): Route;
  /** The methods a path has (upper case); empty when the API has no such path. */
  methods(pathname: string): string[];
}

interface PathEntry {
  template: string;
  /** The template's segments: a literal, or a parameter's name (`{id}` is `{ name: "id" }`). */
  segments: Array<string | { name: string }>;
  /** Upper-case method to operationId. */
  byMethod: Map<string, OperationId>;
}

/** The keys of a path item that are operations (OpenAPI 3.1); the others are its summary, parameters and the like. */
export const operationMethods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

export function createRouter(document: { paths?: Record<string, Record<string, unknown>> }): Router {
  // Segment by segment, not with a regular expression built from each template: a request's
  // path is outside input, and no pattern of ours may backtrack on it.
  const all: PathEntry[] = Object.entries(document.paths ?? {}).map(([template, item]) => {
    const segments = template.split("/").map((segment) => (segment.startsWith("{") && segment.endsWith("}") ? { name: segment.slice(1, -1) } : segment));
    const byMethod = new Map(
      Object.entries(item)
        .filter(([method]) => operationMethods.includes(method))
        .map(([method, operation]) => [method.toUpperCase(), (operation as { operationId: OperationId }).operationId] as const),
    );
    return { template, segments, byMethod };
  });

  const match = (pathname: string) => {
    const parts = pathname.split("/");
    for (const entry of all) {
      if (entry.segments.length !== parts.length) continue;
      const values: Array<[name: string, raw: string]> = [];
      const matches = entry.segments.every((segment, index) => {
        const part = parts[index] as string;
        if (typeof segment === "string") return segment === part;
        values.push([segment.name, part]);
        return part !== "";
      });
      if (matches) return { entry, values };
    }
    return undefined;
  };

  // HEAD is GET without the body (RFC 9110, section 9.3.2): every GET path answers it.
  const methodsOf = (entry: PathEntry) => [...entry.byMethod.keys(), ...(entry.byMethod.has("GET") && !entry.byMethod.has("HEAD") ? ["HEAD"] : [])];

  return {
    methods: (pathname) => {
      const found = match(pathname);
      return found ? methodsOf(found.entry) : [];
    },

    find(method, pathname) {
      const found = match(pathname);
      if (!found) {
        const withoutSlash = pathname.length > 1 && pathname.endsWith("/") && match(pathname.slice(0, -1)) ? ` (without the trailing slash: ${pathname.slice(0, -1)})` : "";
        throw new MockError(404, "RESOURCE_NOT_FOUND", `${method} ${quote(pathname, 100)} is not an operation of this API${withoutSlash}. Its paths: ${all.map((e) => e.template).join(", ")}.`);
      }
      const operationId = found.entry.byMethod.get(method) ?? (method === "HEAD" ? found.entry.byMethod.get("GET") : undefined);
      if (!operationId) {
        const allowed = methodsOf(found.entry).join(", ");
        throw new MockError(405, "METHOD_NOT_ALLOWED", `${method} is not a method of ${found.entry.template}: it has ${allowed}.`, { allow: allowed });
      }
      const path: Record<string, string> = {};
      found.values.forEach(([name, raw]) => {
        try {
          path[name] = decodeURIComponent(raw);
        } catch {
          throw badRequest(`The path parameter ${name}, ${quote(raw)}, has a malformed percent-escape.`);
        }
      });
      return { operationId, path, template: found.entry.template };
    },
  };
}
