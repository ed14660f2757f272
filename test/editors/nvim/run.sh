#!/usr/bin/env bash
# Runs lsp-check.lua in headless Neovim (0.7.2, Debian) against the bundled server (dist/server.js)
# on a fresh copy of test/editors/workspace (the quick fixes edit the buffer, never the fixture).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
command -v nvim > /dev/null || { echo 'FAILED nvim missing: run scripts/install-code-server.sh'; echo '0 passed, 1 failed'; exit 1; }
ws=$(mktemp -d "${TMPDIR:-/tmp}/g0guard-nvim-XXXXXX")
trap 'rm -rf "$ws"' EXIT
cp -r "$root/test/editors/workspace/." "$ws"
# -u NONE-like isolation: no user config, no shada, no swap files
SERVER_JS=${SERVER_JS:-$root/dist/server.js} WORKSPACE=$ws \
  nvim --headless --noplugin -i NONE -n -u "$here/lsp-check.lua"
