#!/usr/bin/env bash
# Runs every benchmark in Release against a throwaway PostgreSQL and a temporary SQLite file and
# writes bench/results/latest.md (or $NIJA_BENCH_OUT). Usage: bench/run.sh [--seconds N] [--kills N] [scenario ...]
set -euo pipefail
cd "$(dirname "$0")/.."
. deploy/local/throwaway-postgres.sh
start_throwaway_postgres
export NIJA_BENCH_POSTGRES="$NIJA_PG_URL;Maximum Pool Size=80"
dotnet build bench/Nija.Bench -c Release -nologo -v quiet
dotnet bench/Nija.Bench/bin/Release/net10.0/Nija.Bench.dll --out "${NIJA_BENCH_OUT:-bench/results/latest.md}" "$@"
