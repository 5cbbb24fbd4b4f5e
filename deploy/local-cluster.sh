#!/usr/bin/env bash
# A cluster on this machine's loopback, with one command:
#   deploy/local-cluster.sh up [N]   PostgreSQL + N silos (default 3) + one API (a cluster client);
#                                     the API's URL is the last line printed.
#   deploy/local-cluster.sh down     stops the API, the silos (gracefully) and PostgreSQL.
#   deploy/local-cluster.sh status   the processes and the membership table.
# State lives in .cluster/ at the repository root: silo-<n>.pid, api.pid, logs/, the shared vault key.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
state="$root/.cluster"
logs="$state/logs"
service_id=${NIJA_CLUSTER_SERVICE_ID:-local}
silo_port_base=${NIJA_CLUSTER_SILO_PORT:-11111}
health_port_base=${NIJA_CLUSTER_HEALTH_PORT:-8081}
api_port=${NIJA_CLUSTER_API_PORT:-5080}

log() { printf '[local-cluster] %s\n' "$*" >&2; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

wait_http() { # url seconds pidfile
  local url=$1 deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    if ! alive "$3"; then log "process of $url exited; see $logs"; return 1; fi
    if [ $SECONDS -ge $deadline ]; then log "timed out waiting for $url"; return 1; fi
    sleep 0.3
  done
}

common_env() {
  export Nija__Storage__Provider=PostgreSql
  export Nija__Storage__PostgreSql__ConnectionString="$NIJA_PG_URL"
  export Nija__Silo__ServiceId="$service_id"
  export Nija__Cluster__Enabled=true
  export Nija__Vault__MasterKeyFile="$state/vault.key"
  export Nija__Vault__ActiveKeyId=cluster-1
}

up() {
  local count=${1:-3}
  mkdir -p "$logs"
  if alive "$state/api.pid" || ls "$state"/silo-*.pid >/dev/null 2>&1; then
    log "already up (run '$0 down' first)"; exit 1
  fi

  # PostgreSQL outlives this script: keep its directory, drop the exit trap that would remove it.
  . "$root/deploy/local/throwaway-postgres.sh"
  start_throwaway_postgres
  trap - EXIT
  printf 'NIJA_PG_WORK=%q\nNIJA_PG_BIN=%q\nNIJA_PG_URL=%q\n' "$NIJA_PG_WORK" "$NIJA_PG_BIN" "$NIJA_PG_URL" > "$state/postgres.env"

  # Every silo shares one vault master key (in production it comes from a secret).
  if [ ! -f "$state/vault.key" ]; then
    (umask 077; printf 'cluster-1=%s\n' "$(head -c 32 /dev/urandom | base64)" > "$state/vault.key")
  fi

  log "building the silo and the API"
  dotnet build "$root/silo/Nija.Silo.csproj" -c Release -nologo -v quiet >"$logs/build.log" 2>&1 || { tail -n 20 "$logs/build.log" >&2; exit 1; }
  dotnet build "$root/api/Nija.Api.csproj" -c Release -nologo -v quiet >>"$logs/build.log" 2>&1 || { tail -n 20 "$logs/build.log" >&2; exit 1; }

  common_env
  for n in $(seq 1 "$count"); do
    (
      export Nija__Cluster__Port=$((silo_port_base + n - 1))
      export Nija__Cluster__ListenHost=127.0.0.1
      export Nija__DataDir="$state/silo-$n"
      export urls="http://127.0.0.1:$((health_port_base + n - 1))"
      cd "$root/silo/bin/Release/net10.0"
      setsid nohup dotnet Nija.Silo.dll >"$logs/silo-$n.log" 2>&1 &
      echo $! > "$state/silo-$n.pid"
    )
  done
  for n in $(seq 1 "$count"); do
    wait_http "http://127.0.0.1:$((health_port_base + n - 1))/ready" 60 "$state/silo-$n.pid"
    log "silo $n ready (pid $(cat "$state/silo-$n.pid"), port $((silo_port_base + n - 1)))"
  done

  (
    export Nija__Cluster__Role=Client
    export Nija__DataDir="$state/api"
    export ASPNETCORE_URLS="http://127.0.0.1:$api_port"
    cd "$root/api"
    setsid nohup dotnet bin/Release/net10.0/Nija.Api.dll >"$logs/api.log" 2>&1 &
    echo $! > "$state/api.pid"
  )
  wait_http "http://127.0.0.1:$api_port/api/ready" 60 "$state/api.pid"
  grep -h "one-time" "$logs/api.log" >&2 || true
  echo "http://127.0.0.1:$api_port"
}

down() {
  local pid
  if alive "$state/api.pid"; then kill "$(cat "$state/api.pid")"; fi
  for f in "$state"/silo-*.pid; do
    [ -f "$f" ] || continue
    alive "$f" && kill -TERM "$(cat "$f")" || true
  done
  # Graceful stops hand grains over and leave membership; give them time, then insist.
  for f in "$state"/api.pid "$state"/silo-*.pid; do
    [ -f "$f" ] || continue
    pid=$(cat "$f")
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$f"
  done
  if [ -f "$state/postgres.env" ]; then
    . "$state/postgres.env"
    . "$root/deploy/local/throwaway-postgres.sh"
    stop_throwaway_postgres
    rm -f "$state/postgres.env"
  fi
  log "down"
}

status() {
  for f in "$state"/silo-*.pid "$state"/api.pid; do
    [ -f "$f" ] || continue
    if alive "$f"; then echo "$(basename "$f" .pid): running (pid $(cat "$f"))"; else echo "$(basename "$f" .pid): stopped"; fi
  done
  if [ -f "$state/postgres.env" ]; then
    . "$state/postgres.env"
    port=$(echo "$NIJA_PG_URL" | sed -E 's/.*Port=([0-9]+).*/\1/')
    "$NIJA_PG_BIN/psql" -h 127.0.0.1 -p "$port" -U nija nija -c \
      "SELECT address, generation, status, to_timestamp(heartbeat_ms / 1000.0) AS heartbeat FROM nija_membership WHERE service_id = '$service_id' ORDER BY address, generation" 2>/dev/null || true
  fi
}

case "${1:-}" in
  up) up "${2:-3}" ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up [N] | down | status" >&2; exit 2 ;;
esac
