#!/usr/bin/env bash
# The README's test command (and what CI runs): provisions what the tests need on this machine, runs every test
# project of the solution, stops what it started, and ends with one line "N passed, N failed" over the whole run.
#
# Services are provisioned by the scripts in build/services/: each one is sourced, defines a start function that
# installs what is missing (apt-get), starts the service on loopback and exports the connection details the tests
# read from the environment, and registers its own clean-up with `on_exit`.
set -uo pipefail
cd "$(dirname "$0")/.."

cleanups=()
on_exit() { cleanups+=("$1"); }
run_cleanups() {
  local i
  for ((i = ${#cleanups[@]} - 1; i >= 0; i--)); do eval "${cleanups[i]}" || true; done
}
log=$(mktemp)
trap 'run_cleanups; rm -f "$log"' EXIT

for service in build/services/*.sh; do
  [ -e "$service" ] || continue
  # shellcheck source=/dev/null
  source "$service"
done

dotnet test Presence.Analyzers.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One summary line per test assembly: "Passed!  - Failed:     0, Passed:    75, Skipped:     0, Total:    75, ..."
read -r passed failed < <(sed -nE 's/.*(Passed|Failed)! +- Failed: +([0-9]+), Passed: +([0-9]+),.*/\3 \2/p' "$log" \
  | awk '{ p += $1; f += $2 } END { print p + 0, f + 0 }')

# A run that failed without a failing test (a build error, a crashed test host) still fails.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $status without reporting a failed test (build error or crashed test host)."
fi

echo "$passed passed, $failed failed"
exit "$status"
