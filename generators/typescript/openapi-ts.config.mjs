// @hey-api/openapi-ts configuration: types named after the components, an SDK function per
// operation over its bundled fetch client, and zod schemas that check every 2xx body before it
// is returned (the fetch client itself checks nothing). It reads OpenAPI 3.1, so it takes the
// 3.1 bundle. The commands a team runs, from the repository root, writing clients/typescript/:
//   npm ci --prefix generators/typescript
//   generators/typescript/node_modules/.bin/openapi-ts -f generators/typescript/openapi-ts.config.mjs
// Not `npx @hey-api/openapi-ts@0.95.0`: its peer range admits TypeScript 7, which npx then
// installs, and which has no compiler API for it to call (it stops at `ts.NewLineKind`); the
// lockfile here holds TypeScript 5.9.3. 0.95.0 is the last release that runs on Node 20.
export default {
  input: "./generated/openapi.yaml",
  // Output paths are relative to the working folder. `.js` on relative imports, so the client
  // compiles under `module: NodeNext` and runs as ES modules on Node: without it hey-api writes
  // bare `./client` imports, which only a bundler resolves.
  output: { path: "clients/typescript", module: { extension: ".js" } },
  plugins: [
    "@hey-api/client-fetch",
    "@hey-api/typescript",
    // zod's `z.iso.datetime()` refuses an offset such as `+01:00` unless told otherwise, and
    // RFC 3339 (`format: date-time`) allows one: `offset: true` accepts every valid date-time.
    { name: "zod", dates: { offset: true } },
    // Check responses only: a request the description forbids (a bad ID) still goes out, so the
    // smoke program sees the server's own 400, as in every other language.
    { name: "@hey-api/sdk", validator: { response: "zod" } },
  ],
};
