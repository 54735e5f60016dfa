#!/usr/bin/env bash
# Installs the three code generators at the versions in generators/versions.json, each from its
# own registry: PyPI, the Go module proxy, Maven Central. Needs python3 with pip, go, java and mvn.
set -euo pipefail
cd "$(dirname "$0")"
version() { node -p "require('./versions.json')['$1']"; }

pip install --quiet --root-user-action=ignore "openapi-python-client==$(version openapi-python-client)"
go install "github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen@$(version oapi-codegen)"
mvn --quiet dependency:get -Dartifact="org.openapitools:openapi-generator-cli:$(version openapi-generator-cli)"
