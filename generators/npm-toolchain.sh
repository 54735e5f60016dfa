#!/usr/bin/env bash
# Installs the npm packages a generated TypeScript client needs (generators/<dir>/package-lock.json)
# into a cache folder named after the lockfile's hash: not into the project's devDependencies, so
# the project's lockfile stays as it is, a changed pin installs anew, and a warm run installs
# nothing. test/languages/npm-toolchain.ts finds the folder by the same rule.
# Usage: bash generators/npm-toolchain.sh <dir>
set -euo pipefail
cd "$(dirname "$0")/$1"
cache="${ALBUMS_GENERATORS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/amazon-music-albums-generators}"
target="$cache/$1-$(sha256sum package-lock.json | cut -c1-12)"
if [ -f "$target/.installed" ]; then
  exit 0
fi
rm -rf "$target"
mkdir -p "$target"
cp package.json package-lock.json "$target/"
npm ci --prefix "$target" --no-audit --no-fund --loglevel=error
touch "$target/.installed"
