#!/usr/bin/env bash
# Runs lsp-check.el in Emacs (Debian's emacs-nox, elpa-eglot, elpa-go-mode) in batch mode, with the
# README's eglot configuration as the only init, its /path/to/g0guard pointing at this repository,
# on a fresh copy of test/editors/workspace (the quick fixes edit the buffer, never the fixture).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
. "$here/../readme-config.sh"
editor_setup emacs emacs
readme_block elisp "$tmp/init.el"
# the packages Emacs activates at startup before init.el (batch mode skips that step)
cd "$tmp/ws"
rc=0
WORKSPACE=$tmp/ws HOME=$tmp emacs --batch --eval '(package-activate-all)' -l "$tmp/init.el" -l "$here/lsp-check.el" > "$tmp/out" 2>&1 || rc=$?
grep -v -E '^(Loading |\[eglot\] Connected|\[eglot\] Edit successful)' "$tmp/out" || true
exit "$rc"
