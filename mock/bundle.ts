// The bundled description, read once for the provider and its catalog.
import { readFileSync } from "node:fs";

export interface Bundle {
  paths: Record<string, object>;
  components: { examples: Record<string, { value: unknown }> };
}

export const bundle = JSON.parse(readFileSync(new URL("../generated/openapi.json", import.meta.url), "utf8")) as Bundle;
