#!/usr/bin/env bash
# @hey-api/openapi-ts (with zod, typescript and @types/node for the smoke program), from the npm
# registry, into a cache folder named after the lockfile's hash (generators/npm-toolchain.sh).
set -euo pipefail
exec bash "$(dirname "$0")/../npm-toolchain.sh" typescript @hey-api/openapi-ts
