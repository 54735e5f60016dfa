// Ajv's standalone code of every validator of a description (core/validation.ts names them): the
// mock's build writes it in place of node/validators.ts for the description the mock ships.
import standaloneCode from "ajv/dist/standalone/index.js";
import { mockAjv } from "../core/compile.ts";
import { validatorSchemas } from "../core/validation.ts";

// ajv's standalone module is CommonJS: its default export arrives wrapped under Node's ESM interop.
type Standalone = (ajv: ReturnType<typeof mockAjv>, names: Record<string, string>) => string;
const standalone = ((standaloneCode as unknown as { default?: Standalone }).default ?? standaloneCode) as unknown as Standalone;

/** An ES module exporting `precompiledValidators`, each validator by its key. */
export function precompiledModule(document: object): string {
  const ajv = mockAjv(document, true);
  const names: Record<string, string> = {};
  [...validatorSchemas(document)].forEach(([key, schema], index) => {
    const id = `urn:albums-mock:validator:${index}`;
    ajv.addSchema({ ...schema, $id: id });
    names[`v${index}`] = id;
  });
  const keys = Object.fromEntries([...validatorSchemas(document).keys()].map((key, index) => [key, `v${index}`]));
  const table = Object.entries(keys).map(([key, name]) => `  ${JSON.stringify(key)}: ${name},`).join("\n");
  return `${standalone(ajv, names)}\nexport const precompiledValidators = {\n${table}\n};\n`;
}
