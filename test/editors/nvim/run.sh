#!/usr/bin/env bash
# Runs lsp-check.lua in headless Neovim (0.7.2, Debian) with the README's configuration as the only
# init (its /path/to/g0guard pointing at this repository, so the server is bin/g0guard lsp), opening
# main.go of a fresh copy of test/editors/workspace (the quick fixes edit the buffer, never the fixture).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
. "$here/../readme-config.sh"
editor_setup nvim nvim
readme_block lua "$tmp/init.lua"
# no user config but the README's, no shada, no swap files; main.go is opened as `nvim main.go` would
cd "$tmp/ws"
WORKSPACE=$tmp/ws nvim --headless --noplugin -i NONE -n -u "$tmp/init.lua" main.go -c "luafile $here/lsp-check.lua"
