#!/usr/bin/env bash
# @hey-api/openapi-ts (with zod, typescript and @types/node for the smoke program), from the npm
# registry, into a cache folder named after the lockfile's hash: not into the project's
# devDependencies, so the project's lockfile stays as it is, and a warm run installs nothing.
# test/languages/typescript.test.ts finds the folder by the same rule.
set -euo pipefail
cd "$(dirname "$0")"
pinned="$(node -p "require('../versions.json')['@hey-api/openapi-ts']")"
locked="$(node -p "require('./package.json').dependencies['@hey-api/openapi-ts']")"
if [ "$pinned" != "$locked" ]; then
  echo "generators/versions.json pins @hey-api/openapi-ts $pinned, generators/typescript/package.json $locked" >&2
  exit 1
fi
cache="${ALBUMS_GENERATORS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/amazon-music-albums-generators}"
target="$cache/typescript-$(sha256sum package-lock.json | cut -c1-12)"
if [ -f "$target/.installed" ]; then
  exit 0
fi
rm -rf "$target"
mkdir -p "$target"
cp package.json package-lock.json "$target/"
npm ci --prefix "$target" --no-audit --no-fund --loglevel=error
touch "$target/.installed"
