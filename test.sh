#!/usr/bin/env bash
# Starts what the tests need (a throwaway PostgreSQL from its binaries, Node with the npm clients, Debian's Chromium), builds, runs every test
# and ends with the line "N passed, N failed". Exit code 0 only when everything passed.
set -uo pipefail
cd "$(dirname "$0")"
. deploy/local/throwaway-postgres.sh
. deploy/local/node-clients.sh

results=$(mktemp -d /tmp/nija-test.XXXXXX)
finish() { stop_throwaway_postgres; rm -rf "$results"; }
fail_early() { echo "0 passed, 1 failed"; finish; exit 1; }

start_throwaway_postgres || fail_early
ensure_node_clients || fail_early
ensure_chromium || fail_early
trap finish EXIT
export NIJA_TEST_POSTGRES="$NIJA_PG_URL;Maximum Pool Size=60"

echo "[test.sh] building" >&2
if ! dotnet build Nija.Orleans.sln -c Release -nologo -v quiet >"$results/build.log" 2>&1; then
  grep -E 'error|warning' "$results/build.log" | sort -u >&2
  fail_early
fi

echo "[test.sh] testing" >&2
dotnet test Nija.Orleans.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results/trx" 2>&1 | grep -vE '^\s*$'

echo "[test.sh] dashboard unit tests (vitest)" >&2
(cd api/web && npx --no-install vitest run --reporter=default --reporter=junit --outputFile.junit="$results/vitest.xml" 2>&1) | grep -vE '^\s*$|npm warn' | tail -n 8

passed=0; failed=0
if [ -f "$results/vitest.xml" ]; then
  suite=$(grep -o '<testsuites [^>]*>' "$results/vitest.xml" | head -n 1)
  vt=$(echo "$suite" | sed -E 's/.* tests="([0-9]+)".*/\1/')
  vf=$(echo "$suite" | sed -E 's/.* failures="([0-9]+)".*/\1/')
  ve=$(echo "$suite" | sed -E 's/.* errors="([0-9]+)".*/\1/')
  passed=$((vt - vf - ve)); failed=$((vf + ve))
else
  failed=1
fi
for trx in "$results"/trx/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(echo "$counters" | sed -E 's/.* passed="([0-9]+)".*/\1/')
  f=$(echo "$counters" | sed -E 's/.* failed="([0-9]+)".*/\1/')
  e=$(echo "$counters" | sed -E 's/.* error="([0-9]+)".*/\1/')
  passed=$((passed + p)); failed=$((failed + f + e))
done
# No result file at all means the run itself broke: that is a failure, not a pass.
[ "$passed" = 0 ] && [ "$failed" = 0 ] && failed=1
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
