#!/usr/bin/env bash
# `npm run dev`: sets the machine up, starts the backend in sandbox mode (local stand-ins for
# Google, Polar and fal) and, where an Electron binary exists, the app in development mode.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
source scripts/node24-env.sh
exec node --import tsx scripts/dev.ts "$@"
