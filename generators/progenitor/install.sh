#!/usr/bin/env bash
# cargo-progenitor (progenitor's command that writes a client crate), from crates.io, with the
# lockfile it was published with, into ~/.cargo/bin. cargo skips it when that version is there.
# The first install compiles about 160 crates (minutes on two cores).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo install --quiet --locked cargo-progenitor --version "$(node -p "require('./versions.json')['cargo-progenitor']")"
