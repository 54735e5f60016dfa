#!/usr/bin/env bash
# axios (generators/versions.json), TypeScript and Node's types, as typescript-axios/
# package-lock.json pins them, from the npm registry into a cache folder
# (generators/npm-toolchain.sh): what the client OpenAPI Generator writes with typescript-axios runs
# on and is compiled with. The generator is the jar of generators/java/install.sh.
set -euo pipefail
cd "$(dirname "$0")"
pinned="$(node -p "require('../versions.json').axios")"
locked="$(node -p "require('./package.json').dependencies.axios")"
if [ "$pinned" != "$locked" ]; then
  echo "generators/versions.json pins axios $pinned, generators/typescript-axios/package.json $locked" >&2
  exit 1
fi
exec bash ../npm-toolchain.sh typescript-axios
