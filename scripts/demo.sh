#!/usr/bin/env bash
# The README's first command (npm run demo): installs what is missing (Node 24, n8n and Prism
# into a cache outside the repository, the npm dependencies), builds the package, then runs the
# welcome-push example in a fresh, real n8n against the local OneSignal stand-in and prints what
# each item got. With ONESIGNAL_APP_ID and ONESIGNAL_APP_API_KEY set it talks to OneSignal instead.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/rig.sh
rig_ensure
bash scripts/ensure-deps.sh
npm run --silent build >/dev/null
exec "$ONESIGNAL_NODE24" node_modules/tsx/dist/cli.mjs scripts/demo.ts "$@"
