#!/usr/bin/env bash
# `npm run backend`: the backend alone, in the foreground, configured by the environment (API.md).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ -d node_modules ] || bash scripts/setup.sh
source scripts/node24-env.sh
exec node --import tsx backend/src/main.ts
