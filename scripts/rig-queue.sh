#!/usr/bin/env bash
# Makes Debian's Redis and PostgreSQL servers available for the queue-mode (scale-out) runs: n8n
# in queue mode needs Redis, and its processes share one database, for which SQLite proved
# unreliable (see README, "Scale-out"). The tests start their own servers on 127.0.0.1 with these
# binaries; nothing is started or configured here.
# Source it and call rig_queue_ensure, or run it: `bash scripts/rig-queue.sh` prints what it found.
#
# For each of redis-server and PostgreSQL, the first way that works wins:
#   1. $ONESIGNAL_REDIS_SERVER / $ONESIGNAL_PG_BIN, or Debian's installed binaries;
#   2. a copy unpacked earlier into the rig cache (see 4);
#   3. as root: `apt-get install` of Debian's package (waits while another apt run holds the lock,
#      and refreshes the package lists once if the package is not found);
#   4. as any other user: `apt-get download` of the package and of the libraries the machine
#      lacks, unpacked with dpkg-deb into the rig cache. No root needed, and done once.
# Exports ONESIGNAL_REDIS_SERVER (the redis-server binary), ONESIGNAL_PG_BIN (the folder holding
# initdb and postgres) and, for unpacked copies, ONESIGNAL_DEB_LIBRARY_PATH. Fails with a message
# saying what was tried when one of them cannot be had.

RIG_HOME=${ONESIGNAL_RIG_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-onesignal}
PG_MAJOR=${PG_MAJOR:-15}

rig_queue_log() { printf '[rig] %s\n' "$*" >&2; }

rig_deb_installed() {
	[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = 'install ok installed' ]
}

# The packages and, recursively, their library dependencies (the first of alternatives), as
# `apt-cache depends` lists them; the tools a package merely uses at install time are left out.
rig_deb_closure() {
	local -A seen=()
	local queue=("$@") package dependency previous_alternative
	while [ ${#queue[@]} -gt 0 ]; do
		package=${queue[0]}
		queue=("${queue[@]:1}")
		[ -n "${seen[$package]:-}" ] && continue
		seen[$package]=1
		echo "$package"
		previous_alternative=0
		while read -r kind dependency; do
			case $kind in
			'|Depends:')
				[ $previous_alternative = 0 ] && [[ $dependency == lib* ]] && queue+=("$dependency")
				previous_alternative=1
				;;
			'Depends:')
				[ $previous_alternative = 0 ] && [[ $dependency == lib* ]] && queue+=("$dependency")
				previous_alternative=0
				;;
			esac
		done < <(apt-cache depends --no-recommends --no-suggests --no-conflicts --no-breaks \
			--no-replaces --no-enhances "$package" 2>/dev/null)
	done
}

# Downloads and unpacks the given packages' missing parts into $RIG_HOME/debs-<name>.
rig_deb_unpack() {
	local name=$1
	shift
	local target="$RIG_HOME/debs-$name" staging="$RIG_HOME/debs-$name.partial" package
	local missing=()
	for package in $(rig_deb_closure "$@"); do
		rig_deb_installed "$package" || missing+=("$package")
	done
	[ ${#missing[@]} -gt 0 ] || missing=("$@")
	rig_queue_log "downloading ${missing[*]} with apt-get download into $target (first run only)"
	rm -rf "$staging"
	mkdir -p "$staging/debs" "$staging/root"
	(cd "$staging/debs" && apt-get download "${missing[@]}") >>"$RIG_HOME/queue-apt.log" 2>&1 ||
		return 1
	local deb
	for deb in "$staging"/debs/*.deb; do
		dpkg-deb -x "$deb" "$staging/root" || return 1
	done
	rm -rf "$target"
	mv "$staging" "$target"
	touch "$target/.complete"
}

rig_deb_apt_install() {
	local apt=(apt-get -o DPkg::Lock::Timeout=600 -o Dpkg::Use-Pty=0)
	export DEBIAN_FRONTEND=noninteractive
	rig_queue_log "installing $* with apt-get (first run only)"
	"${apt[@]}" install -y --no-install-recommends "$@" >>"$RIG_HOME/queue-apt.log" 2>&1 && return 0
	rig_queue_log 'apt-get install failed; refreshing the package lists and trying once more'
	"${apt[@]}" update >>"$RIG_HOME/queue-apt.log" 2>&1 &&
		"${apt[@]}" install -y --no-install-recommends "$@" >>"$RIG_HOME/queue-apt.log" 2>&1
}

# Installs (as root) or unpacks (as anyone else) a Debian package; says how it went.
rig_deb_get() {
	local name=$1
	shift
	if [ "$(id -u)" = 0 ]; then
		rig_deb_apt_install "$@"
	else
		rig_deb_unpack "$name" "$@"
	fi
}

rig_deb_library_path() {
	local root="$RIG_HOME/debs-$1/root"
	echo "$root/usr/lib/x86_64-linux-gnu:$root/lib/x86_64-linux-gnu:$root/usr/lib"
}

# Adds the libraries of an unpacked package to ONESIGNAL_DEB_LIBRARY_PATH.
rig_deb_use_libraries() {
	local more
	more=$(rig_deb_library_path "$1")
	export ONESIGNAL_DEB_LIBRARY_PATH="$more${ONESIGNAL_DEB_LIBRARY_PATH:+:$ONESIGNAL_DEB_LIBRARY_PATH}"
}

# Runs a program with the unpacked libraries, quietly; succeeds when the program does.
rig_deb_runs() {
	LD_LIBRARY_PATH="${ONESIGNAL_DEB_LIBRARY_PATH:-}" "$@" >/dev/null 2>&1
}

rig_redis_find() {
	local found=${ONESIGNAL_REDIS_SERVER:-$(command -v redis-server || true)}
	if [ -z "$found" ] && [ -f "$RIG_HOME/debs-redis/.complete" ]; then
		found="$RIG_HOME/debs-redis/root/usr/bin/redis-server"
		rig_deb_use_libraries redis
	fi
	[ -n "$found" ] && rig_deb_runs "$found" --version && export ONESIGNAL_REDIS_SERVER=$found
}

rig_pg_find() {
	local found=${ONESIGNAL_PG_BIN:-}
	[ -n "$found" ] || [ ! -x "/usr/lib/postgresql/$PG_MAJOR/bin/postgres" ] ||
		found="/usr/lib/postgresql/$PG_MAJOR/bin"
	if [ -z "$found" ] && [ -f "$RIG_HOME/debs-postgresql/.complete" ]; then
		found="$RIG_HOME/debs-postgresql/root/usr/lib/postgresql/$PG_MAJOR/bin"
		rig_deb_use_libraries postgresql
	fi
	[ -n "$found" ] && rig_deb_runs "$found/postgres" --version &&
		rig_deb_runs "$found/initdb" --version && export ONESIGNAL_PG_BIN=$found
}

rig_queue_ensure() {
	mkdir -p "$RIG_HOME"
	rig_redis_find && rig_pg_find && return 0
	# One installer at a time: parallel runs on one machine share the cache and apt.
	exec 8>"$RIG_HOME/.queue-lock"
	flock 8
	local started=$SECONDS failed=()
	rig_redis_find || { rig_deb_get redis redis-server redis-tools && rig_redis_find; } ||
		failed+=(redis-server)
	rig_pg_find || { rig_deb_get postgresql "postgresql-$PG_MAJOR" && rig_pg_find; } ||
		failed+=("postgresql-$PG_MAJOR")
	flock -u 8
	if [ ${#failed[@]} -eq 0 ]; then
		rig_queue_log "Redis and PostgreSQL ready in $((SECONDS - started)) s"
		return 0
	fi
	rig_queue_log "Could not install ${failed[*]}, so the queue-mode (scale-out) tests cannot run."
	rig_queue_log "Tried: installed binaries, apt-get (as $(id -un)); see $RIG_HOME/queue-apt.log."
	rig_queue_log "Install Debian's redis-server and postgresql-$PG_MAJOR packages," \
		'or set ONESIGNAL_REDIS_SERVER and ONESIGNAL_PG_BIN.'
	return 1
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	set -euo pipefail
	rig_queue_ensure
	echo "redis-server: $ONESIGNAL_REDIS_SERVER"
	echo "postgresql:   $ONESIGNAL_PG_BIN"
	[ -z "${ONESIGNAL_DEB_LIBRARY_PATH:-}" ] || echo "libraries:    $ONESIGNAL_DEB_LIBRARY_PATH"
fi
