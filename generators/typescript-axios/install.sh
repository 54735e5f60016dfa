#!/usr/bin/env bash
# axios (generators/versions.json), TypeScript and Node's types, as typescript-axios/
# package-lock.json pins them, from the npm registry into a cache folder
# (generators/npm-toolchain.sh): what the client OpenAPI Generator writes with typescript-axios runs
# on and is compiled with. The generator is the jar of generators/java/install.sh.
set -euo pipefail
exec bash "$(dirname "$0")/../npm-toolchain.sh" typescript-axios axios
