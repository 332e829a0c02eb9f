#!/usr/bin/env bash
# Runs every test of the kit: installs what is missing, starts PostgreSQL, builds, runs the
# xunit suites (they start Anvil themselves), and ends with one line `tests: N passed, N failed`.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export CONFIGURATION="${CONFIGURATION:-Release}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
bash scripts/bootstrap.sh || { echo "bootstrap failed"; echo "tests: 0 passed, 1 failed"; exit 1; }
pg_export="$(bash scripts/postgres.sh --export)" && [[ "$pg_export" == export\ COLLAB_PG=* ]] ||
  { echo "PostgreSQL failed to start (scripts/postgres.sh)"; echo "tests: 0 passed, 1 failed"; exit 1; }
eval "$pg_export"
export COLLAB_REPO_ROOT="$ROOT"
log="$(mktemp)"
# Each test application stops (and its run fails) after COLLAB_TEST_TIMEOUT, so a hang fails fast instead of
# running into CI's limit; the whole suite takes about 5 minutes.
dotnet test --solution CollabInsights.sln -c "$CONFIGURATION" --no-build --timeout "${COLLAB_TEST_TIMEOUT:-20m}" "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
skipped=$(grep -E '^\s+skipped: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
errors=$(grep -E '^\s+error: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
if [[ $rc -ne 0 && $failed -eq 0 ]]; then failed=$((errors > 0 ? errors : 1)); fi
if [[ ${errors:-0} -gt 0 ]]; then
  echo "$errors test application(s) stopped before all their tests ran: a crash, or longer than COLLAB_TEST_TIMEOUT (${COLLAB_TEST_TIMEOUT:-20m}); see the log above"
fi
rm -f "$log"
line="tests: ${passed:-0} passed, ${failed:-0} failed"
[[ ${skipped:-0} -gt 0 ]] && line="$line, $skipped skipped"
echo "$line"
exit $rc
