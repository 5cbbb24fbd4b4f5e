#!/usr/bin/env bash
# Runs every benchmark in Release against a throwaway PostgreSQL and a temporary SQLite file and
# writes bench/results/latest.md (or $NIJA_BENCH_OUT). Usage: bench/run.sh [--seconds N] [--kills N] [scenario ...]
set -euo pipefail
cd "$(dirname "$0")/.."
. deploy/local/throwaway-postgres.sh
start_throwaway_postgres
export NIJA_BENCH_POSTGRES="$NIJA_PG_URL;Maximum Pool Size=80"
# The API scenario drives its closed loops with wrk when it is installed (else with its C# generator).
if ! command -v wrk >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  printf '[bench] installing wrk (Debian package)\n' >&2
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null || printf '[bench] wrk could not be installed\n' >&2
fi
dotnet build bench/Nija.Bench -c Release -nologo -v quiet
dotnet bench/Nija.Bench/bin/Release/net10.0/Nija.Bench.dll --out "${NIJA_BENCH_OUT:-bench/results/latest.md}" "$@"
