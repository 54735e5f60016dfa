#!/usr/bin/env bash
# ogen, from the Go module proxy, into $(go env GOPATH)/bin. The module cache keeps what it
# downloads (and what the smoke program's go.mod needs), so later runs download nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
go install "github.com/ogen-go/ogen/cmd/ogen@$(node -p "require('./versions.json').ogen")"
