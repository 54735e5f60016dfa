#!/usr/bin/env bash
# openapi-python-client, from PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."
pip install --quiet --root-user-action=ignore "openapi-python-client==$(node -p "require('./versions.json')['openapi-python-client']")"
