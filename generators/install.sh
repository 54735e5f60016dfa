#!/usr/bin/env bash
# Installs every language's code generator at the version pinned in generators/versions.json,
# each from its own registry (PyPI, the Go module proxy, Maven Central, the npm registry): it
# runs generators/<language>/install.sh for each language folder that has one.
set -euo pipefail
cd "$(dirname "$0")"
for installer in */install.sh; do
  echo "generators: ${installer%/install.sh}"
  bash "$installer"
done
