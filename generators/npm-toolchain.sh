#!/usr/bin/env bash
# Installs the npm packages a generated TypeScript client is generated, compiled or run with (the
# generator, when it comes from npm, and what its smoke program needs) from the lockfile in
# generators/<dir>/, into a cache folder named after the lockfile's hash: not into the project's
# devDependencies, so the project's lockfile stays as it is, a changed pin installs anew, and a
# warm run installs nothing (generators/toolchain-folder.sh names the folder). With a package
# name, checks first that generators/<dir>/package.json pins it at the version
# generators/versions.json names.
#   bash generators/npm-toolchain.sh <dir> [package pinned in generators/versions.json]
set -euo pipefail
dir="$1"
package="${2:-}"
cd "$(dirname "$0")/$dir"
if [ -n "$package" ]; then
  pinned="$(node -p "require('../versions.json')['$package']")"
  locked="$(node -p "require('./package.json').dependencies['$package']")"
  if [ "$pinned" != "$locked" ]; then
    echo "generators/versions.json pins $package $pinned, generators/$dir/package.json $locked" >&2
    exit 1
  fi
fi
source ../toolchain-folder.sh
target="$(toolchain_folder "$dir" package-lock.json)"
if [ -f "$target/.installed" ]; then
  exit 0
fi
rm -rf "$target"
mkdir -p "$target"
cp package.json package-lock.json "$target/"
npm ci --prefix "$target" --no-audit --no-fund --loglevel=error
touch "$target/.installed"
