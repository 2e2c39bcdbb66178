#!/usr/bin/env bash
# Sets up a fresh machine for PromptPixels: Debian packages (Chromium for renderer tests,
# libsecret + gnome-keyring for keytar, dbus), Node 24, and the npm dependencies.
# Safe to run again: each step is skipped when already done.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

need_pkgs=()
command -v chromium >/dev/null 2>&1 || need_pkgs+=(chromium)
command -v gnome-keyring-daemon >/dev/null 2>&1 || need_pkgs+=(gnome-keyring)
command -v dbus-run-session >/dev/null 2>&1 || need_pkgs+=(dbus)
command -v dbus-launch >/dev/null 2>&1 || need_pkgs+=(dbus-x11)
[ -e /usr/include/libsecret-1/libsecret/secret.h ] || need_pkgs+=(libsecret-1-dev)
command -v pkg-config >/dev/null 2>&1 || need_pkgs+=(pkg-config)
fc-list 2>/dev/null | grep -qi dejavu || need_pkgs+=(fonts-dejavu-core)

if [ ${#need_pkgs[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo_cmd=()
    if [ "$(id -u)" -ne 0 ]; then
      command -v sudo >/dev/null 2>&1 || { echo "setup: need root (or sudo) to install: ${need_pkgs[*]}" >&2; exit 1; }
      sudo_cmd=(sudo)
    fi
    echo "setup: installing Debian packages: ${need_pkgs[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    "${sudo_cmd[@]}" apt-get update -qq >&2
    "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >&2
  else
    echo "setup: please install: ${need_pkgs[*]} (Debian/Ubuntu package names)" >&2
    exit 1
  fi
fi

# shellcheck source=scripts/node24-env.sh
source "$root/scripts/node24-env.sh"

stamp="node_modules/.pp-installed"
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ "$(cat "$stamp")" != "$(node --version)" ]; then
  echo "setup: installing npm dependencies with Node $(node --version)" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
  node --version > "$stamp"
fi
