#!/usr/bin/env bash
# Runs lsp-check.lua in headless Neovim (0.7.2, Debian) with the README's configuration as the only
# init (its /path/to/g0guard pointing at this repository, so the server is bin/g0guard lsp), opening
# main.go of a fresh copy of test/editors/workspace (the quick fixes edit the buffer, never the fixture).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
command -v nvim > /dev/null || { echo 'FAILED nvim missing: run scripts/install-code-server.sh'; echo '0 passed, 1 failed'; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/g0guard-nvim-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/ws" && cp -r "$root/test/editors/workspace/." "$tmp/ws"
# the one ```lua block of the README, as a user would paste it into init.lua
awk '/^```lua$/ { on = 1; next } /^```$/ { on = 0 } on' "$root/README.md" | sed "s|/path/to/g0guard|$root|g" > "$tmp/init.lua"
[ "$(grep -c '^```lua$' "$root/README.md")" = 1 ] && [ -s "$tmp/init.lua" ] || { echo 'FAILED README.md has no single ```lua block'; echo '0 passed, 1 failed'; exit 1; }
# no user config but the README's, no shada, no swap files; main.go is opened as `nvim main.go` would
cd "$tmp/ws"
WORKSPACE=$tmp/ws nvim --headless --noplugin -i NONE -n -u "$tmp/init.lua" main.go -c "luafile $here/lsp-check.lua"
