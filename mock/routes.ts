// The description's paths as routes: which operation a method and path name, with the path's
// parameters decoded, or why none does (404 for a path the API does not have, 405 with the
// methods it does have).
import type { IHttpOperation } from "@stoplight/types";
import { MockError, badRequest, quote } from "./envelope.ts";
import type { OperationId } from "./provider.ts";

export interface Route {
  operation: IHttpOperation;
  operationId: OperationId;
  /** Decoded path parameters. */
  path: Record<string, string>;
}

export interface Router {
  /** The route, or the refusal as a MockError (404, 405, or 400 for a malformed escape). */
  find(method: string, pathname: string): Route;
  /** The methods a path has (upper case); empty when the API has no such path. */
  methods(pathname: string): string[];
}

interface PathEntry {
  template: string;
  pattern: RegExp;
  names: string[];
  byMethod: Map<string, IHttpOperation>;
}

export function createRouter(operations: IHttpOperation[]): Router {
  const entries = new Map<string, PathEntry>();
  for (const operation of operations) {
    let entry = entries.get(operation.path);
    if (!entry) {
      const names = [...operation.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
      // The description's paths are plain segments and {parameters}: nothing else to escape.
      const source = operation.path.replace(/\{[^}]+\}/g, "([^/]+)");
      entry = { template: operation.path, pattern: new RegExp(`^${source}$`), names, byMethod: new Map() };
      entries.set(operation.path, entry);
    }
    entry.byMethod.set(operation.method.toUpperCase(), operation);
  }
  const all = [...entries.values()];

  const match = (pathname: string) => {
    for (const entry of all) {
      const found = entry.pattern.exec(pathname);
      if (found) return { entry, values: found.slice(1) };
    }
    return undefined;
  };

  return {
    methods: (pathname) => [...(match(pathname)?.entry.byMethod.keys() ?? [])],

    find(method, pathname) {
      const found = match(pathname);
      if (!found) {
        const withoutSlash = pathname.length > 1 && pathname.endsWith("/") && match(pathname.slice(0, -1)) ? ` (without the trailing slash: ${pathname.slice(0, -1)})` : "";
        throw new MockError(404, "RESOURCE_NOT_FOUND", `${method} ${quote(pathname, 100)} is not an operation of this API${withoutSlash}. Its paths: ${all.map((e) => e.template).join(", ")}.`);
      }
      const operation = found.entry.byMethod.get(method);
      if (!operation) {
        const allowed = [...found.entry.byMethod.keys()].join(", ");
        throw new MockError(405, "METHOD_NOT_ALLOWED", `${method} is not a method of ${found.entry.template}: it has ${allowed}.`, { allow: allowed });
      }
      const path: Record<string, string> = {};
      found.entry.names.forEach((name, index) => {
        const raw = found.values[index] as string;
        try {
          path[name] = decodeURIComponent(raw);
        } catch {
          throw badRequest(`The path parameter ${name}, ${quote(raw)}, has a malformed percent-escape.`);
        }
      });
      return { operation, operationId: operation.iid as OperationId, path };
    },
  };
}
