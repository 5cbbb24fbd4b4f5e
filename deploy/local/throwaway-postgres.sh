#!/usr/bin/env bash
# Sourced by test.sh and bench/run.sh: starts a throwaway PostgreSQL from its binaries on a free
# loopback port (as an unprivileged user when run as root), and removes it on exit.
#   start_throwaway_postgres   sets NIJA_PG_URL (an Npgsql connection string) and NIJA_PG_WORK
# Installs Debian's postgresql package first when the binaries are missing and we are root.

_pg_log() { printf '[postgres] %s\n' "$*" >&2; }
_pg_find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

start_throwaway_postgres() {
  local pg_bin pg_user port work
  pg_bin=$(_pg_find_bin)
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    if [ "$(id -u)" = 0 ]; then
      _pg_log "installing PostgreSQL (Debian package)"
      apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
      pg_bin=$(_pg_find_bin)
    fi
  fi
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    _pg_log "PostgreSQL binaries not found and cannot be installed (not root)"
    return 1
  fi

  # PostgreSQL refuses to run as root.
  pg_user=$(id -un)
  if [ "$(id -u)" = 0 ]; then
    pg_user=nija-pg
    id "$pg_user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$pg_user"
  fi
  _pg_as() { if [ "$(id -u)" = 0 ]; then runuser -u "$pg_user" -- "$@"; else "$@"; fi; }

  work=$(mktemp -d /tmp/nija-pg.XXXXXX)
  chmod 755 "$work"
  [ "$(id -u)" = 0 ] && chown "$pg_user" "$work"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + RANDOM % 20000)))
  NIJA_PG_WORK=$work
  NIJA_PG_BIN=$pg_bin
  trap stop_throwaway_postgres EXIT

  _pg_log "starting on 127.0.0.1:$port"
  _pg_as "$pg_bin/initdb" -D "$work/data" -U nija --auth=trust -E UTF8 >"$work/initdb.log" 2>&1 || { cat "$work/initdb.log" >&2; return 1; }
  _pg_as "$pg_bin/pg_ctl" -D "$work/data" -l "$work/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $work -c max_connections=300 -c fsync=on -c synchronous_commit=on" start >/dev/null \
    || { cat "$work/server.log" >&2; return 1; }
  _pg_as "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U nija nija || return 1
  NIJA_PG_URL="Host=127.0.0.1;Port=$port;Username=nija;Database=nija"
}

stop_throwaway_postgres() {
  [ -n "${NIJA_PG_WORK:-}" ] || return 0
  if [ "$(id -u)" = 0 ]; then
    runuser -u nija-pg -- "$NIJA_PG_BIN/pg_ctl" -D "$NIJA_PG_WORK/data" -m immediate stop >/dev/null 2>&1 || true
  else
    "$NIJA_PG_BIN/pg_ctl" -D "$NIJA_PG_WORK/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$NIJA_PG_WORK"
  NIJA_PG_WORK=
}
