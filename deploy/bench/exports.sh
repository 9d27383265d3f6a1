#!/usr/bin/env bash
# Benchmark of the open-data exports at a million reports (not a test): GeoJSON and CSV of one jurisdiction, plain
# and gzip-compressed, each fetched whole with curl from the running API (Release, Production). Prints per case the
# time to the first byte (the snapshot's summary: count, highest id, newest change) and to the last, the size, the
# reports in it, and the API's resident memory before and at its peak (VmHWM, reset before each case).
#
#   deploy/bench/exports.sh                            # 1 000 000 reports, 3 rounds
#   ROWS=200000 ROUNDS=1 deploy/bench/exports.sh
#   HEAP_LIMIT=0x2000000 deploy/bench/exports.sh       # the same under a 32 MiB managed heap (DOTNET_GCHeapHardLimit)
#
# It uses a database of its own (open311_bench_exports), dropped afterwards, and the API on 127.0.0.1:5191.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo_root"
rows="${ROWS:-1000000}"
rounds="${ROUNDS:-3}"
port="${OPEN311_BENCH_PORT:-5191}"
database=open311_bench_exports
jurisdiction=musterstadt.de
base="http://127.0.0.1:$port"

bash deploy/local/services.sh start >/dev/null
eval "$(bash deploy/local/services.sh env)"
# A virtual host of its own: the API consumes delivery outcomes, which must not be another gateway's on this broker.
vhost=open311-bench-exports
OPEN311_SKIP_PG=1 bash deploy/local/services.sh add-vhost "$vhost" >/dev/null
export RabbitMq__VirtualHost="$vhost"
export ConnectionStrings__Gateway="${ConnectionStrings__Gateway/Database=open311/Database=$database}"
export Logging__LogLevel__Default=Warning DOTNET_NOLOGO=1 ASPNETCORE_ENVIRONMENT=Production
export Open311__PublicUrl="$base/open311/v2" RateLimits__GetPerAddress__PermitLimit=1000000000 Delivery__RunDispatcher=false \
  Management__Port=0
pg="host=127.0.0.1 port=${OPEN311_PG_PORT:-55432} user=postgres"
sql() { psql "$pg dbname=$database" -v ON_ERROR_STOP=1 -Atqc "$1"; }

psql "$pg dbname=postgres" -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database"
api_pid=
cleanup() {
  [[ -n $api_pid ]] && { kill "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; }
  psql "$pg dbname=postgres" -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" || true
  OPEN311_SKIP_PG=1 bash deploy/local/services.sh delete-vhost "$vhost" >/dev/null || true
}
trap cleanup EXIT

dotnet build -c Release src/Open311Gateway.Api >/dev/null
api_dir=src/Open311Gateway.Api/bin/Release/net10.0
api() { (cd "$api_dir" && dotnet Open311Gateway.Api.dll "$@"); }
api migrate >/dev/null
api import-catalog "$repo_root/deploy/catalog/musterstadt.yaml" >/dev/null
api create-api-key Benchmark >/dev/null

# Every seeded report in one jurisdiction and public: the seed spreads over the active services of the active
# jurisdictions, so the others and the private services are inactive while it runs.
sql "UPDATE jurisdictions SET is_active = false WHERE id <> '$jurisdiction'; UPDATE services SET is_active = false WHERE is_private" >/dev/null
started=$(date +%s)
psql "$pg dbname=$database" -v ON_ERROR_STOP=1 -q -c "SET bench.rows = '$rows'" -f deploy/bench/seed-requests.sql
sql "UPDATE jurisdictions SET is_active = true; UPDATE services SET is_active = true WHERE is_private" >/dev/null
psql "$pg dbname=$database" -qc "VACUUM ANALYZE"
echo "seeded $(sql "SELECT count(*) FROM service_requests WHERE jurisdiction_id = '$jurisdiction'") reports of $jurisdiction in" \
  "$(( $(date +%s) - started )) s (public: $(sql "SELECT count(*) FROM service_requests r JOIN services s ON s.id = r.service_id
    WHERE r.jurisdiction_id = '$jurisdiction' AND r.moderation = 'published' AND NOT r.is_private AND NOT s.is_private AND s.type <> 'blackbox'"))" >&2

[[ -n ${HEAP_LIMIT:-} ]] && export DOTNET_GCHeapHardLimit="$HEAP_LIMIT"
(cd "$api_dir" && exec dotnet Open311Gateway.Api.dll --urls "$base") >/tmp/open311-bench-exports-api.log 2>&1 &
api_pid=$!
for _ in $(seq 1 60); do
  kill -0 "$api_pid" 2>/dev/null || { tail -20 /tmp/open311-bench-exports-api.log >&2; exit 1; }
  curl -fs "$base/health/ready" >/dev/null && break; sleep 1
done
rss() { awk -v k="$1:" '$1 == k { printf "%.0f", $2 / 1024 }' "/proc/$api_pid/status"; }

# One export; prints "first_byte_s total_s megabytes reports rss_before_mb rss_peak_mb".
fetch() {
  local file="$1" encoding="$2" out=/tmp/open311-bench-export.out
  echo 5 >"/proc/$api_pid/clear_refs"   # resets VmHWM to the current RSS
  local before; before="$(rss VmRSS)"
  local timing; timing="$(curl -fsS -H "Accept-Encoding: $encoding" -o "$out" -w '%{time_starttransfer} %{time_total} %{size_download}' \
    "$base/opendata/$jurisdiction/$file")"
  local count
  if [[ $encoding == gzip ]]; then count="$(gzip -dc "$out" | reports_in "$file")"; else count="$(reports_in "$file" <"$out")"; fi
  read -r first total bytes <<<"$timing"
  echo "$first $total $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') $count $before $(rss VmHWM)"
}
# CSV: records but the header (the seed writes no line breaks into cells); GeoJSON: features.
reports_in() { if [[ $1 == *.csv ]]; then echo $(( $(wc -l) - 1 )); else grep -o '"type":"Feature"' | wc -l; fi; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

fetch requests.csv identity >/dev/null   # warm-up: JIT, the table's pages in memory
cases=("requests.geojson identity" "requests.geojson gzip" "requests.csv identity" "requests.csv gzip")
declare -A results
for round in $(seq 1 "$rounds"); do
  for case in "${cases[@]}"; do results[$case]+="$(fetch $case)"$'\n'; done
  echo "round $round done" >&2
done

printf '\n%-26s %10s %9s %8s %9s %10s %10s   (%s reports; median of %s rounds%s)\n' case "1st byte s" "total s" MB reports \
  "RSS MB" "peak MB" "$rows" "$rounds" "${HEAP_LIMIT:+, DOTNET_GCHeapHardLimit=$HEAP_LIMIT}"
for case in "${cases[@]}"; do
  column() { sed '/^$/d' <<<"${results[$case]}" | awk -v c="$1" '{ print $c }' | median; }
  printf '%-26s %10s %9s %8s %9s %10s %10s\n' "$case" "$(column 1)" "$(column 2)" "$(column 3)" "$(column 4)" "$(column 5)" "$(column 6)"
done
echo "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg) (this machine: $(nproc) cores)"
