#!/usr/bin/env bash
# What the Python client OpenAPI Generator writes with python runs and is type-checked with
# (requirements.txt: pydantic, urllib3, mypy...), from PyPI, into a virtual environment in a cache
# folder named after requirements.txt's hash: not into the Python that openapi-python-client's
# installer uses, whose pydantic it would move. A changed pin installs anew; a warm run installs
# nothing. test/languages/python-openapi-generator.test.ts finds the folder by the same rule.
set -euo pipefail
cd "$(dirname "$0")"
pinned="$(node -p "require('../versions.json').pydantic")"
if ! grep -qx "pydantic==$pinned" requirements.txt; then
  echo "generators/versions.json pins pydantic $pinned, generators/python-openapi-generator/requirements.txt does not" >&2
  exit 1
fi
cache="${ALBUMS_GENERATORS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/amazon-music-albums-generators}"
target="$cache/python-openapi-generator-$(sha256sum requirements.txt | cut -c1-12)"
if [ -f "$target/.installed" ]; then
  exit 0
fi
rm -rf "$target"
python3 -m venv "$target"
"$target/bin/pip" install --quiet --disable-pip-version-check --no-deps -r requirements.txt
touch "$target/.installed"
