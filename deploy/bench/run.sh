#!/usr/bin/env bash
# Benchmark: a load generator (wrk) against the running API, with the raw ceiling measured in the same
# run. The ceiling is /health/live of the same process (Kestrel, routing, no database); each API
# resource is reported as a share of it. Every case runs ROUNDS times and the median is reported,
# since this machine is noisy (2 cores shared by wrk, the API, PostgreSQL and RabbitMQ).
#
#   deploy/bench/run.sh                 # defaults: 3 rounds of 10 s, 32 connections
#   ROUNDS=5 DURATION=20s deploy/bench/run.sh
#
# It uses a database (open311_bench) and a RabbitMQ virtual host (bench) of its own, which it drops
# afterwards, so a developer's data is untouched. Only loopback addresses are targeted.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo_root"
rounds="${ROUNDS:-3}"
duration="${DURATION:-10s}"
connections="${CONNECTIONS:-32}"
port="${OPEN311_BENCH_PORT:-5180}"
base="http://127.0.0.1:$port"

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
bash deploy/local/services.sh start >/dev/null
eval "$(bash deploy/local/services.sh env)"
export ConnectionStrings__Gateway="${ConnectionStrings__Gateway/Database=open311/Database=open311_bench}"
export RabbitMq__VirtualHost=bench
export Logging__LogLevel__Default=Warning DOTNET_NOLOGO=1 ASPNETCORE_ENVIRONMENT=Production
# Production must know its public name (ADR 17); limits high: the benchmark measures the limiter's cost, not its 429s.
export Open311__PublicUrl="$base/open311/v2" RateLimits__PostPerKey__PermitLimit=1000000000 \
  RateLimits__PostPerAddress__PermitLimit=1000000000 RateLimits__GetPerAddress__PermitLimit=1000000000 RateLimits__BackOfficePerKey__PermitLimit=1000000000

psql "host=127.0.0.1 port=${OPEN311_PG_PORT:-55432} user=postgres dbname=postgres" -qc "DROP DATABASE IF EXISTS open311_bench WITH (FORCE)" -c "CREATE DATABASE open311_bench"
bash deploy/local/services.sh add-vhost bench

dotnet build -c Release src/Open311Gateway.Api >/dev/null
api_dir=src/Open311Gateway.Api/bin/Release/net10.0
api() { (cd "$api_dir" && dotnet Open311Gateway.Api.dll "$@"); }
api migrate >/dev/null
api import-catalog "$repo_root/deploy/catalog/musterstadt.yaml" >/dev/null
OPEN311_BENCH_KEY="$(api create-api-key Benchmark | tail -n 1)"
export OPEN311_BENCH_KEY

(cd "$api_dir" && exec dotnet Open311Gateway.Api.dll --urls "$base") >/tmp/open311-bench-api.log 2>&1 &
api_pid=$!
cleanup() {
  kill "$api_pid" 2>/dev/null || true
  wait "$api_pid" 2>/dev/null || true
  psql "host=127.0.0.1 port=${OPEN311_PG_PORT:-55432} user=postgres dbname=postgres" -qc "DROP DATABASE IF EXISTS open311_bench WITH (FORCE)" || true
  bash deploy/local/services.sh delete-vhost bench || true
}
trap cleanup EXIT
for _ in $(seq 1 60); do curl -fs "$base/health/ready" >/dev/null && break; sleep 1; done

# One wrk run; prints "requests/s p50_ms p99_ms".
measure() {  # $1 = path, rest = extra wrk arguments
  local path="$1"; shift
  wrk -t2 -c"$connections" -d"$duration" --latency "$@" "$base$path" | awk '
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
    /non-200 answers: [1-9]/ { print "ERROR: " $0 > "/dev/stderr"; bad = 1 }
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    END { if (bad) exit 1; printf "%.0f %.2f %.2f\n", rps, ms(p50), ms(p99) }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

declare -A rps p50 p99
cases=(ceiling services requests_get requests_post)
# The demo catalogue serves two jurisdictions, so every jurisdiction-wide resource names its own.
declare -A paths=([ceiling]=/health/live [services]=/open311/v2/services.json?jurisdiction_id=musterstadt.de
  [requests_get]=/open311/v2/requests.json?jurisdiction_id=musterstadt.de [requests_post]=/open311/v2/requests.json)
# Warm-up, and reports for the GET list to return.
wrk -t2 -c8 -d5s -s deploy/bench/post-report.lua "$base/open311/v2/requests.json" >/dev/null
for round in $(seq 1 "$rounds"); do
  for name in "${cases[@]}"; do
    extra=()
    [[ $name == requests_post ]] && extra=(-s deploy/bench/post-report.lua)
    result="$(measure "${paths[$name]}" "${extra[@]}")"
    read -r r a b <<<"$result"
    rps[$name]+="$r "; p50[$name]+="$a "; p99[$name]+="$b "
  done
  echo "round $round done" >&2
done

ceiling="$(tr ' ' '\n' <<<"${rps[ceiling]}" | sed '/^$/d' | median)"
printf '\n%-16s %10s %8s %9s %9s   (median of %s rounds, %s each, %s connections)\n' case "req/s" "ceiling" "p50 ms" "p99 ms" "$rounds" "$duration" "$connections"
for name in "${cases[@]}"; do
  r="$(tr ' ' '\n' <<<"${rps[$name]}" | sed '/^$/d' | median)"
  a="$(tr ' ' '\n' <<<"${p50[$name]}" | sed '/^$/d' | median)"
  b="$(tr ' ' '\n' <<<"${p99[$name]}" | sed '/^$/d' | median)"
  printf '%-16s %10s %7.0f%% %9s %9s\n' "$name" "$r" "$(awk -v r="$r" -v c="$ceiling" 'BEGIN { print 100 * r / c }')" "$a" "$b"
done
# The dispatcher works behind the POSTs: how far behind it was when the load stopped, and how fast it caught up.
sql() { psql "host=127.0.0.1 port=${OPEN311_PG_PORT:-55432} user=postgres dbname=open311_bench" -Atc "$1"; }
stored="$(sql "SELECT count(*) FROM service_requests")"
backlog="$(sql "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL")"
started=$(date +%s.%N)
while [[ "$(sql "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL")" != 0 ]]; do sleep 0.5; done
drained=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
echo "reports stored: $stored; outbox backlog when the load stopped: $backlog rows, sent within $drained s after it"
