// A throwaway copy of the project, its own git repository, to run the release scripts on for real:
// they commit, snapshot and build, which the project itself must not see from a test. The copy
// has the project's files as they are now (committed or not) but its releases: it starts before
// the first release, whatever the project has released since. It shares the project's node_modules.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { projectRoot } from "../../scripts/redocly.ts";

export interface ProjectCopy {
  root: string;
  /** Runs a command in the copy; never throws, so a test can assert on a failure. */
  run(command: string, args: string[], env?: Record<string, string | undefined>): { status: number | null; output: string };
  git(...args: string[]): string;
  read(path: string): string;
  write(path: string, text: string): void;
  /** Every file and folder of the copy but node_modules: its size, modification time and hash. */
  state(): Map<string, string>;
  remove(): void;
}

/** The copy's git identity and its one commit's time: fixed, so builds from it can be compared. */
const gitEnv = {
  GIT_AUTHOR_NAME: "Release test",
  GIT_AUTHOR_EMAIL: "release-test@example.invalid",
  GIT_COMMITTER_NAME: "Release test",
  GIT_COMMITTER_EMAIL: "release-test@example.invalid",
  GIT_AUTHOR_DATE: "2026-01-02T03:04:05Z",
  GIT_COMMITTER_DATE: "2026-01-02T03:04:05Z",
};

/**
 * A copy whose `npm test` is `testScript`: the release runs the suite, and here the suite is not
 * what is under test (the project's own runs in npm test); the script says whether it passed.
 */
export function copyProject(testScript: string): ProjectCopy {
  const root = mkdtempSync(join(tmpdir(), "albums-release-copy-"));
  try {
    return setUp(root, testScript);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

function setUp(root: string, testScript: string): ProjectCopy {
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: projectRoot, encoding: "utf8" })
    .split("\0")
    .filter((file) => file && existsSync(join(projectRoot, file)))
    .filter((file) => !file.startsWith("releases/") && file !== "CHANGELOG.md" && file !== "node_modules");
  for (const file of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    cpSync(join(projectRoot, file), join(root, file));
  }
  symlinkSync(join(projectRoot, "node_modules"), join(root, "node_modules"), "dir");
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
  manifest.scripts.test = testScript;
  writeFileSync(join(root, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);

  const env = (extra: Record<string, string | undefined> = {}) => {
    const merged: Record<string, string | undefined> = { ...process.env, ...gitEnv, ...extra };
    // Not the CI of the project's own run: each test says whether it runs under CI=true.
    if (!("CI" in extra)) delete merged.CI;
    return merged as NodeJS.ProcessEnv;
  };
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8", env: env() });
  git("init", "--quiet", "--initial-branch=main");
  // .gitignore's `node_modules/` matches a folder, not the symbolic link that stands for it here.
  writeFileSync(join(root, ".git", "info", "exclude"), "/node_modules\n");
  git("add", "--all");
  git("commit", "--quiet", "-m", "The project as it is");

  return {
    root,
    git,
    run(command, args, extra = {}) {
      const result = spawnSync(command, args, { cwd: root, env: env(extra), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
      return { status: result.status, output: `${result.stdout ?? ""}${result.stderr ?? ""}` };
    },
    read: (path) => readFileSync(join(root, path), "utf8"),
    write: (path, text) => writeFileSync(join(root, path), text),
    state() {
      const state = new Map<string, string>();
      const walk = (dir: string) => {
        for (const entry of readdirSync(dir)) {
          const path = join(dir, entry);
          const name = relative(root, path);
          if (name === "node_modules") continue;
          const stat = lstatSync(path);
          if (stat.isDirectory()) {
            state.set(`${name}/`, `${stat.mtimeMs}`);
            walk(path);
          } else {
            state.set(name, `${stat.size} ${stat.mtimeMs} ${createHash("sha256").update(readFileSync(path)).digest("hex")}`);
          }
        }
      };
      walk(root);
      return state;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
