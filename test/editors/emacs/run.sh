#!/usr/bin/env bash
# Runs lsp-check.el in Emacs (Debian's emacs-nox, elpa-eglot, elpa-go-mode) in batch mode, with the
# README's eglot configuration as the only init, its /path/to/g0guard pointing at this repository,
# on a fresh copy of test/editors/workspace (the quick fixes edit the buffer, never the fixture).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
command -v emacs > /dev/null || { echo 'FAILED emacs missing: run scripts/install-code-server.sh'; echo '0 passed, 1 failed'; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/g0guard-emacs-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/ws" && cp -r "$root/test/editors/workspace/." "$tmp/ws"
# the one ```elisp block of the README, as a user would paste it into init.el
awk '/^```elisp$/ { n++; on = 1; next } /^```$/ { on = 0 } on' "$root/README.md" | sed "s|/path/to/g0guard|$root|g" > "$tmp/init.el"
[ "$(grep -c '^```elisp$' "$root/README.md")" = 1 ] && [ -s "$tmp/init.el" ] || { echo 'FAILED README.md has no single ```elisp block'; echo '0 passed, 1 failed'; exit 1; }
# the packages Emacs activates at startup before init.el (batch mode skips that step)
cd "$tmp/ws"
rc=0
WORKSPACE=$tmp/ws HOME=$tmp emacs --batch --eval '(package-activate-all)' -l "$tmp/init.el" -l "$here/lsp-check.el" > "$tmp/out" 2>&1 || rc=$?
grep -v -E '^(Loading |\[eglot\] Connected|\[eglot\] Edit successful)' "$tmp/out" || true
exit "$rc"
