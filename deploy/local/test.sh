#!/usr/bin/env bash
# Run all tests: start PostgreSQL+PostGIS and RabbitMQ (deploy/local/services.sh) and Debian's
# Redmine (deploy/local/redmine.sh, for the Redmine adapter's tests), install Debian's chromium
# (deploy/local/browser.sh, for the status page's browser test), then `dotnet test` the
# solution. Extra arguments go to dotnet test, e.g.
#
#   deploy/local/test.sh --filter "FullyQualifiedName~Outbox"
#
# Without arguments it also validates deploy/kubernetes (deploy/kubernetes/validate/run.sh). The exit code is
# dotnet test's, or the validator's when only that failed. Services are left running for the next run; stop them
# with `deploy/local/services.sh stop` and `deploy/local/redmine.sh stop`.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo_root"

bash deploy/local/services.sh start
bash deploy/local/redmine.sh start
# Headless Chromium for the operator status page's browser test.
bash deploy/local/browser.sh
# The tests find the servers through these (the defaults already match services.sh's, so
# this matters when OPEN311_PG_PORT / OPEN311_RABBIT_PORT were changed).
eval "$(bash deploy/local/services.sh env)"
# The Redmine tests find the instance, its API key and custom field ids through these.
eval "$(bash deploy/local/redmine.sh env)"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

output="$(mktemp)"
trap 'rm -f "$output"' EXIT

rc=0
dotnet test Open311Gateway.sln "$@" 2>&1 | tee "$output" || rc=${PIPESTATUS[0]}

# The Kubernetes manifests, validated offline with their validator's own tests (deploy/kubernetes/validate/run.sh:
# about 3 s, 15 s when npm ci has to fetch its packages). Skipped when dotnet test was given a filter.
if [[ $# -eq 0 ]]; then
  bash deploy/kubernetes/validate/run.sh 2>&1 | tee -a "$output" || { manifests_rc=${PIPESTATUS[0]}; [[ $rc -ne 0 ]] || rc=$manifests_rc; }
fi

# One plain closing line over all test assemblies, e.g. "12 passed, 0 failed, 1 skipped",
# summed from dotnet test's per-assembly lines
# ("Passed!  - Failed:     0, Passed:    12, Skipped:     1, Total:    13, ...")
# and node's test runner's ("# pass 9", "# fail 0", "# skipped 0").
awk '
  /(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { f += $(i + 1) + 0 }
      if ($i == "Passed:")  { p += $(i + 1) + 0 }
      if ($i == "Skipped:") { s += $(i + 1) + 0 }
    }
    seen = 1
  }
  /^# pass [0-9]+$/    { p += $3; seen = 1 }
  /^# fail [0-9]+$/    { f += $3 }
  /^# skipped [0-9]+$/ { s += $3 }
  END { if (seen) printf "%d passed, %d failed, %d skipped\n", p, f, s }
' "$output"

exit "$rc"
