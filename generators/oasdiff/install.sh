#!/usr/bin/env bash
# oasdiff, from the Go module proxy: not a generator, but the release gate's comparison of the
# description with its last release (npm run diff). Needs Go 1.26 or later.
set -euo pipefail
cd "$(dirname "$0")/.."
go install "github.com/oasdiff/oasdiff@$(node -p "require('./versions.json').oasdiff")"
