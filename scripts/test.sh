#!/usr/bin/env bash
# The test command (npm test; CI runs it through .ci/run). Installs what is missing (Node 24,
# n8n 2.41.1 and the lowest supported n8n, Prism and n8n's package scanner into a cache outside
# the repository; Redis and PostgreSQL from Debian for the queue-mode test; the npm dependencies),
# then lints, builds, type-checks and runs every jest project: unit, contract (Prism with
# OneSignal's official spec), package (what npm pack ships) and end-to-end (real n8n with the
# OneSignal stand-in, also in queue mode). Every process runs under the loopback-only network guard
# from ../shared. Extra arguments go to jest, e.g. `npm test -- --selectProjects unit`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
shared=${ONESIGNAL_SHARED_DIR:-$root/../shared}
netguard=${ONESIGNAL_NETGUARD:-$shared/e2e/netguard.cjs}
if [ ! -f "$netguard" ]; then
	echo "The network guard is missing at $netguard: the tests need the shared material at ../shared (or ONESIGNAL_SHARED_DIR)." >&2
	exit 1
fi
export ONESIGNAL_SHARED_DIR=$shared ONESIGNAL_NETGUARD=$netguard

source scripts/rig.sh
rig_ensure
rig_ensure_test_extras
# Redis and PostgreSQL for the queue-mode (scale-out) test. Without them only that test fails,
# with the reason; everything else still runs.
source scripts/rig-queue.sh
rig_queue_ensure ||
	echo '[test] Redis or PostgreSQL is missing: the queue-mode test will fail (see above).' >&2
# Without Chromium only the browser test fails, and it says why; everything else still runs.
rig_chromium_ensure || true
bash scripts/ensure-deps.sh

echo '[test] lint' >&2
npm run --silent lint
echo '[test] build' >&2
npm run --silent build >/dev/null
echo '[test] type-check' >&2
npm run --silent typecheck
echo '[test] jest' >&2
NODE_OPTIONS="--require $netguard" "$ONESIGNAL_NODE24" node_modules/jest/bin/jest.js "$@"
