#!/usr/bin/env bash
# Benchmark: wrk against the API, each resource as a share of a ceiling measured in the same run, since this
# machine is noisy (2 cores shared by wrk, the API, PostgreSQL and RabbitMQ) and only ratios compare across runs:
#
#   reads  — a trivial ASP.NET Core app of its own (deploy/bench/Trivial: one route, a fixed small JSON body),
#            Release build, Production settings, on a port beside the API's;
#   POST   — pgbench committing what a report must commit at least: a request row with a point in a GiST-indexed
#            column plus an outbox row (ceiling-insert.sql on ceiling-tables.sql), with as many clients as wrk has
#            connections;
#   POST's own database bound — pgbench sending the API's own statements for a report (ceiling-gateway.sql: the
#            look-up, then report, delivery and outbox row pipelined) to a second database with the gateway's schema
#            and nothing else running against it: what POST could reach with an API that cost nothing.
#
# Cases: services.json, services/{code}.json, requests/{id}.json, requests.json answering 100 reports, and
# POST requests.json (post-report.lua). Every case runs ROUNDS times; medians are reported. During the POST runs
# the outbox backlog is sampled each second (it must not grow), and at the end every 200 answer must have its
# report stored and every report its outbox row sent.
#
#   deploy/bench/run.sh                 # defaults: 3 rounds of 10 s, 32 connections
#   ROUNDS=5 DURATION=20s deploy/bench/run.sh
#   CASES="trivial services" ROUNDS=1 deploy/bench/run.sh
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
trivial_port="${OPEN311_BENCH_TRIVIAL_PORT:-5189}"
# The API's metrics port (ADR 19), beside the demo's 9464, so that a running deploy/local/run.sh does not stop the API.
management_port="${OPEN311_BENCH_MANAGEMENT_PORT:-9474}"
base="http://127.0.0.1:$port"
database=open311_bench
pg="host=127.0.0.1 port=${OPEN311_PG_PORT:-55432} user=postgres"
pg_bin=/usr/lib/postgresql/15/bin
work="$(mktemp -d)"
: >"$work/ok"

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
bash deploy/local/services.sh start >/dev/null
eval "$(bash deploy/local/services.sh env)"
export ConnectionStrings__Gateway="${ConnectionStrings__Gateway/Database=open311/Database=$database}"
export RabbitMq__VirtualHost=bench Management__Port="$management_port"
export Logging__LogLevel__Default=Warning DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production
sql() { psql "$pg dbname=$database" -v ON_ERROR_STOP=1 -Atqc "$1"; }
# Production must know its public name (ADR 17); limits high: the benchmark measures the limiter's cost, not its 429s.
export Open311__PublicUrl="$base/open311/v2" RateLimits__PostPerKey__PermitLimit=1000000000 \
  RateLimits__PostPerAddress__PermitLimit=1000000000 RateLimits__GetPerAddress__PermitLimit=1000000000 RateLimits__BackOfficePerKey__PermitLimit=1000000000

sql_database="${database}_sql"
psql "$pg dbname=postgres" -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database" \
  -c "DROP DATABASE IF EXISTS $sql_database WITH (FORCE)" -c "CREATE DATABASE $sql_database"
bash deploy/local/services.sh add-vhost bench

dotnet build -c Release src/Open311Gateway.Api >/dev/null
dotnet build -c Release deploy/bench/Trivial >/dev/null
api_dir=src/Open311Gateway.Api/bin/Release/net10.0
api() { (cd "$api_dir" && dotnet Open311Gateway.Api.dll "$@"); }
api migrate >/dev/null
api import-catalog "$repo_root/deploy/catalog/musterstadt.yaml" >/dev/null
OPEN311_BENCH_KEY="$(api create-api-key Benchmark | tail -n 1)"
export OPEN311_BENCH_KEY
psql "$pg dbname=$database" -v ON_ERROR_STOP=1 -q -f deploy/bench/ceiling-tables.sql
# The gateway's schema and catalogue once more, for ceiling-gateway.sql, which must not share the API's tables.
ConnectionStrings__Gateway="${ConnectionStrings__Gateway/Database=$database/Database=$sql_database}" api migrate >/dev/null
ConnectionStrings__Gateway="${ConnectionStrings__Gateway/Database=$database/Database=$sql_database}" \
  api import-catalog "$repo_root/deploy/catalog/musterstadt.yaml" >/dev/null
ConnectionStrings__Gateway="${ConnectionStrings__Gateway/Database=$database/Database=$sql_database}" api create-api-key Bound >/dev/null
gateway_sql_vars=(-D "service=$(psql "$pg dbname=$sql_database" -Atqc "SELECT id FROM services WHERE jurisdiction_id = 'musterstadt.de' AND code = 'SCHLAGLOCH'")"
  -D "client=$(psql "$pg dbname=$sql_database" -Atqc "SELECT min(id) FROM api_clients")")

for url in "$base/health/live" "http://127.0.0.1:$trivial_port/trivial.json" "http://127.0.0.1:$management_port/metrics"; do
  if curl -s -o /dev/null "$url"; then echo "ERROR: something already answers $url; stop it or choose other ports" >&2; exit 1; fi
done
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql "$pg dbname=postgres" -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "DROP DATABASE IF EXISTS $sql_database WITH (FORCE)" || true
  bash deploy/local/services.sh delete-vhost bench || true
  rm -rf "$work"
}
trap cleanup EXIT
(cd "$api_dir" && exec dotnet Open311Gateway.Api.dll --urls "$base") >/tmp/open311-bench-api.log 2>&1 &
pids+=("$!")
(cd deploy/bench/Trivial/bin/Release/net10.0 && exec dotnet Open311Gateway.Bench.Trivial.dll --urls "http://127.0.0.1:$trivial_port") \
  >/tmp/open311-bench-trivial.log 2>&1 &
pids+=("$!")
for _ in $(seq 1 60); do curl -fs "$base/health/ready" >/dev/null && curl -fs "http://127.0.0.1:$trivial_port/trivial.json" >/dev/null && break; sleep 1; done
for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "ERROR: a server did not start: /tmp/open311-bench-*.log" >&2; exit 1; }; done

# The listing case reads Beispieldorf, which gets exactly 100 reports here (the POST runs go to Musterstadt).
for i in $(seq 1 100); do
  curl -fsS -o /dev/null -X POST "$base/open311/v2/requests.json" --data-urlencode "api_key=$OPEN311_BENCH_KEY" \
    --data-urlencode jurisdiction_id=beispieldorf.de --data-urlencode service_code=SCHLAGLOCH \
    --data-urlencode "lat=52.40$i" --data-urlencode long=13.10 --data-urlencode 'attribute[GROESSE]=klein' \
    --data-urlencode "description=Schlagloch Nummer $i am Feldweg" --data-urlencode email=erika@example.org
done
request_id="$(sql "SELECT min(id) FROM service_requests WHERE jurisdiction_id = 'beispieldorf.de'")"

# One wrk run; prints "requests/s p50_ms p99_ms" (and, for the POST script, notes its 200 answers in $work/ok:
# it runs in a subshell, so a variable would not keep them).
measure() {  # $1 = url, rest = extra wrk arguments
  local url="$1"; shift
  wrk -t2 -c"$connections" -d"$duration" --latency "$@" "$url" >"$work/wrk.out"
  awk '/^200 answers:/ { print $3 }' "$work/wrk.out" >>"$work/ok"
  awk '
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
    /Non-2xx or 3xx responses/ { print "ERROR: " $0 > "/dev/stderr"; bad = 1 }
    /non-200 answers: [1-9]/ { print "ERROR: " $0 > "/dev/stderr"; bad = 1 }
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    END { if (bad) exit 1; printf "%.0f %.2f %.2f\n", rps, ms(p50), ms(p99) }' "$work/wrk.out"
}
# pgbench with as many clients as wrk has connections; prints "tps p50_ms p99_ms" from its per-transaction log.
ceiling_insert() {  # $1 = script (default ceiling-insert.sql), $2 = database, rest = pgbench options
  local script="${1:-ceiling-insert.sql}" db="${2:-$database}"
  shift 2 || shift $#
  rm -f "$work"/pgbench_log.*
  (cd "$work" && "$pg_bin/pgbench" -n -M prepared -c "$connections" -j 2 -T "${duration%s}" -l "$@" \
    -f "$repo_root/deploy/bench/$script" "$pg dbname=$db" >"$work/pgbench.out" 2>&1) \
    || { cat "$work/pgbench.out" >&2; return 1; }
  local tps
  tps="$(awk '/^tps = / { print $3 }' "$work/pgbench.out")"
  # Third column of the log: the transaction's latency in microseconds.
  cat "$work"/pgbench_log.* | awk '{ print $3 / 1000 }' | sort -n | awk -v tps="$tps" '
    { v[NR] = $1 } END { printf "%.0f %.2f %.2f\n", tps, v[int(NR * 0.5) + 1], v[int(NR * 0.99) + 1] }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
unsent() { sql "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL AND parked_at IS NULL"; }

read -r -a cases <<<"${CASES:-trivial services service_definition request requests_list insert_ceiling gateway_sql post}"
declare -A urls=(
  [trivial]="http://127.0.0.1:$trivial_port/trivial.json"
  [services]="$base/open311/v2/services.json?jurisdiction_id=musterstadt.de"
  [service_definition]="$base/open311/v2/services/SCHLAGLOCH.json?jurisdiction_id=musterstadt.de"
  [request]="$base/open311/v2/requests/$request_id.json"
  [requests_list]="$base/open311/v2/requests.json?jurisdiction_id=beispieldorf.de"
  [post]="$base/open311/v2/requests.json")
declare -A labels=(
  [trivial]="ceiling: trivial app" [services]="GET services.json" [service_definition]="GET services/{code}.json"
  [request]="GET requests/{id}.json" [requests_list]="GET requests.json (100)" [insert_ceiling]="ceiling: pgbench insert"
  [gateway_sql]="bound: POST's own SQL" [post]="POST requests.json")
declare -A ceiling_of=([services]=trivial [service_definition]=trivial [request]=trivial [requests_list]=trivial [post]=insert_ceiling
  [gateway_sql]=insert_ceiling)
declare -A rps p50 p99

# Warm-up (JIT, connection pools), its POSTs counted like the others.
for name in trivial services service_definition request requests_list; do wrk -t2 -c8 -d2s "${urls[$name]}" >/dev/null; done
measure "${urls[post]}" -s deploy/bench/post-report.lua >/dev/null
backlog_log="$work/backlog"
: >"$backlog_log"
for round in $(seq 1 "$rounds"); do
  for name in "${cases[@]}"; do
    if [[ $name == insert_ceiling ]]; then
      result="$(ceiling_insert)"
    elif [[ $name == gateway_sql ]]; then
      result="$(ceiling_insert ceiling-gateway.sql "$sql_database" "${gateway_sql_vars[@]}")"
    elif [[ $name == post ]]; then
      # Samples the dispatcher's backlog each second while the POSTs run.
      (while :; do echo "$round $(unsent)" >>"$backlog_log"; sleep 1; done) &
      sampler=$!
      result="$(measure "${urls[post]}" -s deploy/bench/post-report.lua)"
      kill "$sampler"; wait "$sampler" 2>/dev/null || true
    else
      result="$(measure "${urls[$name]}")"
    fi
    read -r r a b <<<"$result"
    rps[$name]+="$r "; p50[$name]+="$a "; p99[$name]+="$b "
  done
  echo "round $round done" >&2
done

med() { tr ' ' '\n' <<<"$1" | sed '/^$/d' | median; }
echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs); $(date -u +%Y-%m-%dT%H:%MZ)"
printf '| %-26s | %8s | %10s | %7s | %7s |   (median of %s rounds, %s each, %s connections)\n' case "req/s" "of ceiling" "p50 ms" "p99 ms" "$rounds" "$duration" "$connections"
printf '| --- | ---: | ---: | ---: | ---: |\n'
for name in "${cases[@]}"; do
  r="$(med "${rps[$name]}")"
  share=100
  [[ -n ${ceiling_of[$name]:-} && -n ${rps[${ceiling_of[$name]}]:-} ]] \
    && share="$(awk -v r="$r" -v c="$(med "${rps[${ceiling_of[$name]}]}")" 'BEGIN { printf "%.1f", 100 * r / c }')"
  printf '| %-26s | %8s | %9s%% | %7s | %7s |\n' "${labels[$name]}" "$r" "$share" "$(med "${p50[$name]}")" "$(med "${p99[$name]}")"
done

if [[ " ${cases[*]} " == *" post "* ]]; then
  # Keeping up: in each POST run the backlog's last third stays within one dispatcher batch of its first third.
  awk '{ n[$1]++; v[$1, n[$1]] = $2; if ($2 > max) max = $2 }
    END {
      verdict = "yes"
      for (r in n) {
        third = int(n[r] / 3); if (third < 1) third = 1; first = 0; last = 0
        for (i = 1; i <= third; i++) { first += v[r, i]; last += v[r, n[r] - i + 1] }
        printf "outbox backlog in POST round %s: first third %.0f, last third %.0f rows on average\n", r, first / third, last / third
        if (last / third > first / third + 100) verdict = "no"
      }
      printf "outbox backlog: at most %d rows while posting; kept up (did not grow): %s\n", max, verdict
    }' "$backlog_log"
  started=$(date +%s.%N)
  for _ in $(seq 1 120); do [[ "$(unsent)" == 0 ]] && break; sleep 0.5; done
  drained=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
  ok_posts="$(awk '{ s += $1 } END { print s + 0 }' "$work/ok" 2>/dev/null || echo 0)"
  stored="$(sql "SELECT count(*) FROM service_requests WHERE jurisdiction_id = 'musterstadt.de'")"
  without_outbox="$(sql "SELECT count(*) FROM service_requests r WHERE NOT EXISTS (SELECT 1 FROM deliveries d JOIN outbox_messages o ON o.delivery_id = d.id WHERE d.service_request_id = r.id)")"
  echo "outbox drained $drained s after the last POST; unsent $(unsent), parked $(sql "SELECT count(*) FROM outbox_messages WHERE parked_at IS NOT NULL")"
  # A report may be stored whose answer wrk did not wait for when a run stopped: at most one per connection per run.
  echo "POST: $ok_posts answers 200, $stored reports stored ($((stored - ok_posts)) more: answers cut off when a run stopped, at most $((connections * (rounds + 1)))); reports without an outbox row: $without_outbox"
  if (( stored < ok_posts || without_outbox > 0 )); then echo "ERROR: reports lost" >&2; exit 1; fi
fi
