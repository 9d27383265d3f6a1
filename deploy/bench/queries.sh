#!/usr/bin/env bash
# Benchmark of the listing queries at a million reports (not a test): radius, bbox, one day's incremental sync and
# full-text search, each a page of 100, measured with wrk against the running API; the raw ceiling (/health/live of
# the same process: Kestrel and routing, no database) and discovery are measured in the same run. Every case runs
# ROUNDS times and the median is reported (this machine is small and shared). Then, unless PLANS=0, the plans of
# the SQL the API runs (EF's own commands, EXPLAIN ANALYZE) at the same size, through the plan test.
#
#   deploy/bench/queries.sh                         # 1 000 000 reports, 3 rounds of 10 s, at 2 and at 8 connections
#   ROWS=200000 ROUNDS=1 CONNECTIONS=4 PLANS=0 deploy/bench/queries.sh
#
# It uses a database of its own (open311_bench_listing), dropped afterwards, and the API on 127.0.0.1:5181.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo_root"
rows="${ROWS:-1000000}"
rounds="${ROUNDS:-3}"
duration="${DURATION:-10s}"
read -r -a connection_counts <<<"${CONNECTIONS:-2 8}"
connections="${connection_counts[0]}"
port="${OPEN311_BENCH_PORT:-5181}"
database=open311_bench_listing
base="http://127.0.0.1:$port"

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
bash deploy/local/services.sh start >/dev/null
eval "$(bash deploy/local/services.sh env)"
export ConnectionStrings__Gateway="${ConnectionStrings__Gateway/Database=open311/Database=$database}"
export Logging__LogLevel__Default=Warning DOTNET_NOLOGO=1 ASPNETCORE_ENVIRONMENT=Production
# Production must know its public name (ADR 17); limits high: the benchmark measures the limiter's cost, not its 429s.
export Open311__PublicUrl="$base/open311/v2" RateLimits__PostPerKey__PermitLimit=1000000000 \
  RateLimits__PostPerAddress__PermitLimit=1000000000 RateLimits__GetPerAddress__PermitLimit=1000000000 RateLimits__BackOfficePerKey__PermitLimit=1000000000
pg="host=127.0.0.1 port=${OPEN311_PG_PORT:-55432} user=postgres"
sql() { psql "$pg dbname=$database" -v ON_ERROR_STOP=1 -Atqc "$1"; }

psql "$pg dbname=postgres" -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database"
api_pid=
cleanup() {
  [[ -n $api_pid ]] && { kill "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; }
  psql "$pg dbname=postgres" -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" || true
}
trap cleanup EXIT

dotnet build -c Release src/Open311Gateway.Api >/dev/null
api_dir=src/Open311Gateway.Api/bin/Release/net10.0
api() { (cd "$api_dir" && dotnet Open311Gateway.Api.dll "$@"); }
api migrate >/dev/null
api import-catalog "$repo_root/deploy/catalog/musterstadt.yaml" >/dev/null
api create-api-key Benchmark >/dev/null

started=$(date +%s)
psql "$pg dbname=$database" -v ON_ERROR_STOP=1 -q -c "SET bench.rows = '$rows'" -f deploy/bench/seed-requests.sql
psql "$pg dbname=$database" -qc "VACUUM ANALYZE"
echo "seeded $(sql "SELECT count(*) FROM service_requests") reports in $(( $(date +%s) - started )) s;" \
  "tables and indexes: $(sql "SELECT pg_size_pretty(pg_total_relation_size('service_requests') + pg_total_relation_size('public_changes'))")" >&2

(cd "$api_dir" && exec dotnet Open311Gateway.Api.dll --urls "$base") >/tmp/open311-bench-listing-api.log 2>&1 &
api_pid=$!
for _ in $(seq 1 60); do curl -fs "$base/health/ready" >/dev/null && break; sleep 1; done

since="$(date -u -d '1 day ago' +%Y-%m-%dT%H:%M:%SZ)"
changes="$(sql "SELECT count(*) FROM service_requests WHERE jurisdiction_id = 'musterstadt.de' AND public_changed_at > '$since'")"
pages=$(( (changes + 99) / 100 )); (( pages > 0 )) || pages=1
echo "one day's sync of musterstadt.de: $changes changes, $pages pages of 100" >&2

# One wrk run; prints "requests/s p50_ms p99_ms"; fails on any answer that is not 200.
# $1 = wrk's duration, $2 = case; a listing case runs queries.lua with its mode and arguments.
run_wrk() {
  local length="$1" name="$2"
  case "$name" in
    ceiling) wrk -t2 -c"$connections" -d"$length" --latency "$base/health/live" ;;
    discovery) wrk -t2 -c"$connections" -d"$length" --latency "$base/open311/v2/discovery.json" ;;
    sync) wrk -t2 -c"$connections" -d"$length" --latency -s deploy/bench/queries.lua "$base/" sync "$since" "$pages" ;;
    *) wrk -t2 -c"$connections" -d"$length" --latency -s deploy/bench/queries.lua "$base/" "$name" ;;
  esac
}
measure() {
  run_wrk "$duration" "$1" | awk '
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
    /Non-2xx or 3xx responses/ { print "ERROR: " $0 > "/dev/stderr"; bad = 1 }
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    END { if (bad) exit 1; printf "%.0f %.2f %.2f\n", rps, ms(p50), ms(p99) }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

cases=(ceiling discovery radius bbox sync text)
declare -A rps p50 p99
# Warm-up: JIT, connection pool, the tables' pages in memory.
for name in radius bbox sync text; do run_wrk 3s "$name" >/dev/null; done
for round in $(seq 1 "$rounds"); do
  for connections in "${connection_counts[@]}"; do
    for name in "${cases[@]}"; do
      read -r r a b <<<"$(measure "$name")"
      rps[$name@$connections]+="$r "; p50[$name@$connections]+="$a "; p99[$name@$connections]+="$b "
    done
  done
  echo "round $round done" >&2
done

pick() { tr ' ' '\n' <<<"$1" | sed '/^$/d' | median; }
for connections in "${connection_counts[@]}"; do
  ceiling="$(pick "${rps[ceiling@$connections]}")"
  printf '\n%-10s %10s %8s %9s %9s   (%s reports; median of %s rounds, %s each, %s connections)\n' \
    case "req/s" "ceiling" "p50 ms" "p99 ms" "$rows" "$rounds" "$duration" "$connections"
  for name in "${cases[@]}"; do
    r="$(pick "${rps[$name@$connections]}")"
    printf '%-10s %10s %7.1f%% %9s %9s\n' "$name" "$r" "$(awk -v r="$r" -v c="$ceiling" 'BEGIN { print 100 * r / c }')" \
      "$(pick "${p50[$name@$connections]}")" "$(pick "${p99[$name@$connections]}")"
  done
done
echo "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg) (this machine: $(nproc) cores)"

kill "$api_pid"; wait "$api_pid" 2>/dev/null || true; api_pid=
psql "$pg dbname=postgres" -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)"
if [[ ${PLANS:-1} == 1 ]]; then
  echo; echo "plans at $rows reports (EXPLAIN ANALYZE of the API's own SQL, through RequestListingPlanTests):"
  OPEN311_PLAN_ROWS="$rows" OPEN311_PLAN_ANALYZE=1 dotnet test tests/Open311Gateway.IntegrationTests \
    --filter "FullyQualifiedName~RequestListingPlanTests" --logger "console;verbosity=detailed" 2>&1 |
    sed -n '/PLAN /,/END PLAN/p' | sed 's/^\[xUnit[^]]*\] *//'
fi
