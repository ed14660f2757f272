#!/usr/bin/env bash
# Installs what the real-editor tests need (npm run test:editors): Debian packages (chromium for
# the workbench, neovim and emacs-nox + elpa-eglot + elpa-go-mode as other LSP clients, ripgrep +
# libkrb5-dev for code-server) and
# code-server 4.100.3 (VS Code 1.100, the last release on Node 20) into .work/code-server.
#   scripts/install-code-server.sh [DEST]      (DEST defaults to .work/code-server)
# Skips each part that is already there. code-server's own postinstall downloads ripgrep from
# GitHub (unreachable here) and stops as root, so we do its steps by hand with Debian's rg.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest=${1:-$root/.work/code-server}
version=${CS_VERSION:-4.100.3}
export npm_config_audit=false npm_config_fund=false npm_config_yes=true npm_config_update_notifier=false

# 1. Debian packages, only those missing (apt-get update only when something is).
need=()
# fonts-wqy-microhei: CJK glyphs for the screenshots (the fixture has a Chinese comment), 1.6 MB
for pkg in chromium neovim emacs-nox elpa-eglot elpa-go-mode ripgrep libkrb5-dev curl g++ make python3 fonts-wqy-microhei; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "apt-get install ${need[*]}"
  [ "$(id -u)" = 0 ] || { echo "need root (or sudo) to apt-get install ${need[*]}" >&2; exit 1; }
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
fi

# 2. code-server, unless a finished install is there (the marker is written last).
if [ -f "$dest/.installed-$version" ]; then
  echo "code-server $version already in $dest"
  exit 0
fi
rm -rf "$dest"; mkdir -p "$dest"; cd "$dest"
echo '{"name":"g0guard-code-server-host","private":true}' > package.json
npm install --no-save --ignore-scripts "code-server@$version"
npm rebuild argon2                                  # loaded when code-server starts

vs=node_modules/code-server/lib/vscode
(cd "$vs" && npm install --omit=dev --ignore-scripts)
if [ -d "$vs/node_modules/@vscode/ripgrep" ]; then
  # its postinstall skips the GitHub download when bin/ exists: give it Debian's rg
  mkdir -p "$vs/node_modules/@vscode/ripgrep/bin"
  ln -sf "$(command -v rg)" "$vs/node_modules/@vscode/ripgrep/bin/rg"
fi
(cd "$vs" && npm rebuild --foreground-scripts)      # node-pty, spdlog, kerberos, ... with node-gyp
if grep -q symlink_asar node_modules/code-server/postinstall.sh; then ln -sfn node_modules "$vs/node_modules.asar"; fi
(cd "$vs/bin/remote-cli" && ln -sfn code-linux.sh code-server)
(cd "$vs/bin/helpers" && ln -sfn browser-linux.sh browser.sh)
(cd "$vs/extensions" && npm install --omit=dev --ignore-scripts)
touch "$dest/.installed-$version"
echo "code-server $version installed in $dest ($(du -sh "$dest" | cut -f1))"
