#!/usr/bin/env bash
# OpenAPI Generator's CLI jar, from Maven Central, into ~/.m2 (also used for Rust and Kotlin).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn --quiet dependency:get -Dartifact="org.openapitools:openapi-generator-cli:$(node -p "require('./versions.json')['openapi-generator-cli']")"
