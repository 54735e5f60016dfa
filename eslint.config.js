// ESLint, for one thing: no regular expression in the code can backtrack super-linearly, since
// the client, the mock and the scripts all meet outside input (eslint-plugin-regexp's analysis of
// every literal and every RegExp built from a literal). The TypeScript itself is checked by tsc.
import regexp from "eslint-plugin-regexp";
import tseslint from "typescript-eslint";

export default [
  // Built output (the mock's bundle of its dependencies) is not ours to lint.
  { ignores: ["**/dist/**"] },
  {
    files: ["src/**/*.ts", "mock/**/*.ts", "mock/**/*.mjs", "scripts/**/*.ts", "bench/**/*.ts"],
    languageOptions: { parser: tseslint.parser, ecmaVersion: "latest", sourceType: "module" },
    plugins: { regexp },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "regexp/no-super-linear-backtracking": "error",
      "regexp/no-super-linear-move": "error",
      "regexp/no-misleading-capturing-group": "error",
    },
  },
];
