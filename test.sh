#!/usr/bin/env bash
# Starts what the tests need (a throwaway PostgreSQL from its binaries), builds, runs every test
# and ends with the line "N passed, N failed". Exit code 0 only when everything passed.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)

log() { printf '[test.sh] %s\n' "$*" >&2; }

find_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

pg_bin=$(find_pg_bin)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  if [ "$(id -u)" = 0 ]; then
    log "installing PostgreSQL (Debian package)"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    pg_bin=$(find_pg_bin)
  fi
fi
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  log "PostgreSQL binaries not found and cannot be installed (not root)"
  echo "0 passed, 1 failed"
  exit 1
fi

# PostgreSQL refuses to run as root: use an unprivileged user when we are root.
pg_user=$(id -un)
as_pg() { "$@"; }
if [ "$(id -u)" = 0 ]; then
  pg_user=nija-pg
  id "$pg_user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$pg_user"
  as_pg() { runuser -u "$pg_user" -- "$@"; }
fi

work=$(mktemp -d /tmp/nija-test.XXXXXX)
chmod 755 "$work"
mkdir -p "$work/pg"
[ "$(id -u)" = 0 ] && chown "$pg_user" "$work/pg"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + RANDOM % 20000)))

cleanup() {
  as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

log "starting PostgreSQL on 127.0.0.1:$port"
as_pg "$pg_bin/initdb" -D "$work/pg/data" -U nija --auth=trust -E UTF8 >"$work/initdb.log" 2>&1 || { cat "$work/initdb.log" >&2; echo "0 passed, 1 failed"; exit 1; }
as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $work/pg -c max_connections=200 -c fsync=on -c synchronous_commit=on" start >/dev/null \
  || { cat "$work/pg/server.log" >&2; echo "0 passed, 1 failed"; exit 1; }
as_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U nija nija_test
export NIJA_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=nija;Database=nija_test;Maximum Pool Size=60"

log "building"
if ! dotnet build Nija.Orleans.sln -c Release -nologo -v quiet >"$work/build.log" 2>&1; then
  grep -E 'error|warning' "$work/build.log" | sort -u >&2
  echo "0 passed, 1 failed"
  exit 1
fi

log "testing"
status=0
dotnet test Nija.Orleans.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$work/results" 2>&1 \
  | grep -vE "^\s*$" || true
passed=0; failed=0
for trx in "$work"/results/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(echo "$counters" | sed -E 's/.* passed="([0-9]+)".*/\1/')
  f=$(echo "$counters" | sed -E 's/.* failed="([0-9]+)".*/\1/')
  e=$(echo "$counters" | sed -E 's/.* error="([0-9]+)".*/\1/')
  passed=$((passed + p)); failed=$((failed + f + e))
done
if [ "$passed" = 0 ] && [ "$failed" = 0 ]; then failed=1; fi
[ "$failed" -gt 0 ] && status=1
echo "$passed passed, $failed failed"
exit $status
