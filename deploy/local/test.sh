#!/usr/bin/env bash
# Run all tests: start PostgreSQL+PostGIS and RabbitMQ (deploy/local/services.sh) and Debian's
# Redmine (deploy/local/redmine.sh, for the Redmine adapter's tests), install Debian's chromium
# (deploy/local/browser.sh, for the status page's browser test), then `dotnet test` the
# solution. Extra arguments go to dotnet test, e.g.
#
#   deploy/local/test.sh --filter "FullyQualifiedName~Outbox"
#
# The exit code is dotnet test's. Services are left running for the next run; stop them
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

# One plain closing line over all test assemblies, e.g. "12 passed, 0 failed, 1 skipped",
# summed from dotnet test's per-assembly lines
# ("Passed!  - Failed:     0, Passed:    12, Skipped:     1, Total:    13, ...").
awk '
  /(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { f += $(i + 1) + 0 }
      if ($i == "Passed:")  { p += $(i + 1) + 0 }
      if ($i == "Skipped:") { s += $(i + 1) + 0 }
    }
    seen = 1
  }
  END { if (seen) printf "%d passed, %d failed, %d skipped\n", p, f, s }
' "$output"

exit "$rc"
