#!/bin/sh
# Builds every program under programs/ with the overlay (newproc1 calls main.g0hook on g0), with
# and without -race, runs each once and prints one line per run: program, mode, exit status and
# the first line of what it printed. Needs Go 1.19 (the patch targets its runtime/proc.go).
set -u
here=$(cd "$(dirname "$0")" && pwd)
goroot=$(go env GOROOT)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The one-line patch: call the hook at the top of newproc1.
sed '/^func newproc1(/{n;s/^\t_g_ := getg()$/&\n\tif g0hookEnabled {\n\t\tg0hook()\n\t}/}' "$goroot/src/runtime/proc.go" > "$work/proc.go"
[ "$(grep -c 'g0hook()' "$work/proc.go")" = 1 ] || { echo "patch did not apply once to $goroot/src/runtime/proc.go" >&2; exit 1; }
cat > "$work/overlay.json" <<JSON
{ "Replace": {
  "$goroot/src/runtime/proc.go": "$work/proc.go",
  "$goroot/src/runtime/g0hook.go": "$here/overlay/g0hook.go"
} }
JSON
for dir in "$here"/programs/${1:-*}/; do
  name=$(basename "$dir")
  for mode in race plain; do
    flag=; [ "$mode" = race ] && flag=-race
    if ! (cd "$dir" && GOFLAGS=-mod=mod GOPROXY=off go build $flag -overlay "$work/overlay.json" -o "$work/$name-$mode" . 2>"$work/build.log"); then
      echo "$name $mode BUILD-FAILED $(head -1 "$work/build.log")"; continue
    fi
    out=$(cd "$work" && timeout 20 "./$name-$mode" 2>&1); status=$?
    first=$(printf '%s\n' "$out" | grep -m1 -E 'survived|fatal|SIGSEGV|panic|signal|ThreadSanitizer' || printf '%s\n' "$out" | head -1)
    echo "$name $mode exit=$status $first"
  done
done
