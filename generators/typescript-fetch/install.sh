#!/usr/bin/env bash
# TypeScript and Node's types, as typescript-fetch/package-lock.json pins them, from the npm
# registry into a cache folder (generators/npm-toolchain.sh): what the client OpenAPI Generator
# writes with typescript-fetch is compiled with. The generator is the jar of generators/java/install.sh.
set -euo pipefail
exec bash "$(dirname "$0")/../npm-toolchain.sh" typescript-fetch
