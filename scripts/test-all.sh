#!/usr/bin/env bash
# One command for every check: sets the machine up, typechecks, builds the app, and runs the
# unit, backend, renderer (Chromium) and Electron suites inside a D-Bus session with an
# unlocked gnome-keyring, so keytar talks to a real Secret Service.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
source scripts/node24-env.sh
export PATH="$root/node_modules/.bin:$PATH"

echo "== typecheck"
tsc -p tsconfig.node.json
tsc -p tsconfig.web.json
tsc -p tsconfig.browser-tests.json

echo "== build (electron-vite)"
electron-vite build --logLevel warn

echo "== electron security checklist (electronegativity)"
node --import tsx scripts/security/electronegativity.ts | tail -n 3

echo "== tests"
report="$(mktemp -d)/vitest.json"
export PP_SKIP_BUILD=1
set +e
dbus-run-session -- bash -c '
  printf "pp-test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
  exec vitest run --reporter=default --reporter=json --outputFile.json="$1" "${@:2}"
' _ "$report" "$@"
status=$?
set -e
node scripts/test-summary.mjs "$report" || true
exit $status
