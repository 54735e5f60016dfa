#!/usr/bin/env bash
# Installs the tools pinned in generators/versions.json, each from its own registry (PyPI, the Go
# module proxy, Maven Central, the npm registry): every language's code generator, and oasdiff,
# which the release gate (npm run diff) runs. Each has its installer, generators/<name>/install.sh.
# With names (`bash generators/install.sh oasdiff`), installs only those: the gate needs only Go.
set -euo pipefail
cd "$(dirname "$0")"
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for installer in */install.sh; do names+=("${installer%/install.sh}"); done
fi
for name in "${names[@]}"; do
  if [ ! -f "$name/install.sh" ]; then
    echo "Unknown tool '$name': expected one of $(ls -d */ | tr -d / | tr '\n' ' ')" >&2
    exit 2
  fi
  echo "generators: $name"
  bash "$name/install.sh"
done
