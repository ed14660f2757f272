# Sourced by the Neovim and Emacs runners: what both do before starting their editor.
#   editor_setup NAME COMMAND   fails the run when COMMAND is missing; sets $tmp (removed on exit)
#                               holding ws/, a fresh copy of test/editors/workspace
#   readme_block LANG FILE      writes the README's one ```LANG block, as a user would paste it,
#                               with /path/to/g0guard pointing at this repository; fails the run
#                               unless there is exactly one
# Expects $root (the repository).
editor_setup() {
  command -v "$2" > /dev/null || { echo "FAILED $2 missing: run scripts/install-code-server.sh"; echo '0 passed, 1 failed'; exit 1; }
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/g0guard-$1-XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  mkdir "$tmp/ws" && cp -r "$root/test/editors/workspace/." "$tmp/ws"
}

readme_block() {
  awk -v fence="\`\`\`$1" '$0 == fence { on = 1; next } /^```$/ { on = 0 } on' "$root/README.md" | sed "s|/path/to/g0guard|$root|g" > "$2"
  [ "$(grep -cx "\`\`\`$1" "$root/README.md")" = 1 ] && [ -s "$2" ] || { echo "FAILED README.md has no single \`\`\`$1 block"; echo '0 passed, 1 failed'; exit 1; }
}
