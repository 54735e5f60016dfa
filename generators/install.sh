#!/usr/bin/env bash
# Installs the tools pinned in generators/versions.json, each from its own registry: the three
# code generators (PyPI, the Go module proxy, Maven Central) and oasdiff, which the release gate
# (npm run diff) runs (the Go module proxy). With names (`bash generators/install.sh oasdiff`),
# installs only those: the gate needs only Go, the generators also python3 with pip, java and mvn.
set -euo pipefail
cd "$(dirname "$0")"
version() { node -p "require('./versions.json')['$1']"; }

tools=("$@")
if [ ${#tools[@]} -eq 0 ]; then tools=(openapi-python-client oapi-codegen openapi-generator-cli oasdiff); fi
for tool in "${tools[@]}"; do
  case "$tool" in
    openapi-python-client) pip install --quiet --root-user-action=ignore "openapi-python-client==$(version openapi-python-client)" ;;
    oapi-codegen) go install "github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen@$(version oapi-codegen)" ;;
    openapi-generator-cli) mvn --quiet dependency:get -Dartifact="org.openapitools:openapi-generator-cli:$(version openapi-generator-cli)" ;;
    oasdiff) go install "github.com/oasdiff/oasdiff@$(version oasdiff)" ;;
    *) echo "Unknown tool '$tool': expected openapi-python-client, oapi-codegen, openapi-generator-cli or oasdiff." >&2; exit 2 ;;
  esac
done
