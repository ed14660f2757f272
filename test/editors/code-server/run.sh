#!/usr/bin/env bash
# Runs g0guard's .vsix in real VS Code (code-server 4.100.3 from scripts/install-code-server.sh):
#   run.sh api   the probe extension runs api-test.js inside the extension host (restricted mode)
#   run.sh ui    ui-smoke.mjs drives the workbench with playwright-core + Chromium (screenshots)
# Env: VSIX (default: the newest g0guard-*.vsix in the repo), CS_DIR (.work/code-server),
#      KEEP_RUN=1 keeps the run folder (logs, workspace) even when the run passes.
# Every run gets a fresh user-data dir, extensions dir and copy of test/editors/workspace
# (VS Code autosaves the files a quick fix edits).
set -euo pipefail
mode=${1:?usage: run.sh api|ui}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
cs_dir=${CS_DIR:-$root/.work/code-server}
entry=$cs_dir/node_modules/code-server/out/node/entry.js
[ -f "$entry" ] || { echo "FAILED code-server missing: run scripts/install-code-server.sh"; echo '0 passed, 1 failed'; exit 1; }
vsix=${VSIX:-$(ls -t "$root"/g0guard-*.vsix 2>/dev/null | head -1)}
[ -f "$vsix" ] || { echo "FAILED no .vsix: run npm run package"; echo '0 passed, 1 failed'; exit 1; }

run=$(mktemp -d "${TMPDIR:-/tmp}/g0guard-cs-$mode-XXXXXX"); ws=$run/workspace
cp -r "$root/test/editors/workspace" "$ws"
mkdir -p "$run/user/User"
# API mode keeps workspace trust on: the window opens restricted and g0guard must still work.
trust=false; [ "$mode" = api ] && trust=true
cat > "$run/user/User/settings.json" <<JSON
{ "workbench.startupEditor": "none", "security.workspace.trust.enabled": $trust,
  "security.workspace.trust.startupPrompt": "never", "security.workspace.trust.banner": "never",
  "extensions.autoUpdate": false, "extensions.autoCheckUpdates": false, "extensions.ignoreRecommendations": true,
  "telemetry.telemetryLevel": "off", "update.mode": "none", "workbench.tips.enabled": false,
  "chat.disableAIFeatures": true, "files.autoSave": "off", "editor.hover.delay": 300,
  "workbench.colorTheme": "Default Light Modern", "window.commandCenter": false }
JSON
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$port" > "$run/config.yaml"
cs() { node "$entry" --config "$run/config.yaml" --user-data-dir "$run/user" --extensions-dir "$run/ext" "$@"; }

cs --install-extension "$vsix" > "$run/install.log" 2>&1 || { cat "$run/install.log"; echo '0 passed, 1 failed'; exit 1; }
if [ "$mode" = api ]; then
  probe=$root/.work/g0guard-e2e-probe.vsix
  if [ ! -f "$probe" ] || [ -n "$(find "$here/probe" -newer "$probe" -type f)" ]; then
    (cd "$here/probe" && "$root/node_modules/.bin/vsce" package --no-dependencies --allow-missing-repository \
      --skip-license -o "$probe" > "$run/probe-package.log" 2>&1) || { cat "$run/probe-package.log"; exit 1; }
  fi
  cs --install-extension "$probe" >> "$run/install.log" 2>&1
  export G0GUARD_E2E_MODULE=$root/out/test/editors/code-server/api-test.js G0GUARD_E2E_OUT=$run/results.txt
  [ -f "$G0GUARD_E2E_MODULE" ] || { echo "FAILED $G0GUARD_E2E_MODULE missing: run npx tsc -p ."; echo '0 passed, 1 failed'; exit 1; }
  extra=()
else
  extra=(--disable-workspace-trust)
fi
setsid node "$entry" --config "$run/config.yaml" --user-data-dir "$run/user" --extensions-dir "$run/ext" \
  --disable-telemetry --disable-update-check --disable-getting-started-override "${extra[@]}" \
  "$ws" > "$run/code-server.log" 2>&1 &
pid=$!
trap 'rc=$?; kill -- -$pid 2>/dev/null || true; if [ $rc -eq 0 ] && [ -z "${KEEP_RUN:-}" ]; then rm -rf "$run"; else echo "run folder kept: $run"; fi' EXIT
for _ in $(seq 1 150); do
  curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break
  kill -0 $pid 2>/dev/null || { cat "$run/code-server.log"; echo '0 passed, 1 failed'; exit 1; }
  sleep 0.2
done
export CS_URL=http://127.0.0.1:$port WORKSPACE=$ws
if [ "$mode" = api ]; then
  node "$here/open-and-wait.mjs"
else
  # Screenshots go to .work/ so a test run leaves the tree clean; SHOTS=docs/screenshots refreshes the committed ones.
  SHOTS=${SHOTS:-$root/.work/screenshots} node "$here/ui-smoke.mjs"
fi
