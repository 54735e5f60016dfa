#!/usr/bin/env bash
# openapi-zod-client, from the npm registry, with what its smoke program compiles and runs with, into a cache
# folder named after the lockfile's hash (generators/npm-toolchain.sh).
set -euo pipefail
exec bash "$(dirname "$0")/../npm-toolchain.sh" openapi-zod-client openapi-zod-client
