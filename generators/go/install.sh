#!/usr/bin/env bash
# oapi-codegen, from the Go module proxy.
set -euo pipefail
cd "$(dirname "$0")/.."
go install "github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen@$(node -p "require('./versions.json')['oapi-codegen']")"
