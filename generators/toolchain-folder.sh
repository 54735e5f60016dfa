#!/usr/bin/env bash
# The cache folder an installer under generators/ fills from a lockfile, named after the
# lockfile's hash so that a changed pin installs anew and a warm run installs nothing:
#   source generators/toolchain-folder.sh; toolchain_folder <name> <lockfile>
# An installer empties the folder first and writes its stamp, .installed, last: a run stopped
# midway leaves a folder without one, installed again next time. test/languages/support.ts
# (installedToolchain) finds the folder by the same rule.
toolchain_folder() {
  local cache="${ALBUMS_GENERATORS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/amazon-music-albums-generators}"
  echo "$cache/$1-$(sha256sum "$2" | cut -c1-12)"
}
