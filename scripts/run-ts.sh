#!/usr/bin/env bash
# Runs a TypeScript script of this repository with everything it needs: the rig (Node 24, n8n,
# Prism), the npm dependencies and a fresh build, under the loopback-only network guard.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/rig.sh
rig_ensure
# The queue-mode fault run (`--queue`) also needs Redis and PostgreSQL.
if [[ " $* " == *' --queue '* ]]; then
	source scripts/rig-queue.sh
	rig_queue_ensure
fi
bash scripts/ensure-deps.sh
npm run --silent build >/dev/null
netguard=${ONESIGNAL_NETGUARD:-$PWD/../shared/e2e/netguard.cjs}
script=$1
shift
NODE_OPTIONS="--require $netguard" exec "$ONESIGNAL_NODE24" node_modules/tsx/dist/cli.mjs "$script" "$@"
