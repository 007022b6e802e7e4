#!/usr/bin/env bash
# npm run dev: a local n8n with this package and the OneSignal stand-in, to click through at
# http://127.0.0.1:5678 (ONESIGNAL_DEV_PORT changes the port). Installs what is missing (Node 24,
# n8n and Prism into a cache outside the repository, the npm dependencies), builds the package,
# then runs scripts/dev.ts under the loopback-only network guard. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/rig.sh
rig_ensure
bash scripts/ensure-deps.sh
npm run --silent build >/dev/null
netguard=${ONESIGNAL_NETGUARD:-$PWD/../shared/e2e/netguard.cjs}
if [ ! -f "$netguard" ]; then
	echo "The network guard is missing at $netguard: put the shared material at ../shared or set ONESIGNAL_NETGUARD." >&2
	exit 1
fi
export ONESIGNAL_NETGUARD=$netguard
NODE_OPTIONS="--require $netguard" exec "$ONESIGNAL_NODE24" node_modules/tsx/dist/cli.mjs scripts/dev.ts "$@"
