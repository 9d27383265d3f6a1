#!/usr/bin/env bash
# End-to-end benchmark: latency from POST to the back office having the report, at steady rates, for the webhook
# and the e-mail adapter, with the machine it ran on. The API and one worker run as Release builds on this machine;
# the benchmark tool (deploy/bench/Open311Gateway.Bench) posts open-loop at each rate and runs the back offices
# itself (a webhook receiver, an SMTP server), so it sees each arrival.
#
#   deploy/bench/e2e.sh                       # 50 and 200 reports/s, then higher until a rate is not sustained
#   RATES=50,200 DURATION=30 deploy/bench/e2e.sh
#   ADAPTERS=webhook deploy/bench/e2e.sh
#
# Uses a database (open311_e2e_bench) and a RabbitMQ virtual host (e2e-bench) of its own, dropped afterwards.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo_root"
rates="${RATES:-50,200}"
duration="${DURATION:-20}"
adapters="${ADAPTERS:-webhook email}"
port="${OPEN311_BENCH_PORT:-5180}"
base="http://127.0.0.1:$port"
db=open311_e2e_bench
vhost=e2e-bench
logs="$repo_root/.local/logs"
mkdir -p "$logs"

bash deploy/local/services.sh start >/dev/null
eval "$(bash deploy/local/services.sh env)"
pg_admin="host=127.0.0.1 port=${OPEN311_PG_PORT:-55432} user=postgres dbname=postgres"
export ConnectionStrings__Gateway="${ConnectionStrings__Gateway/Database=open311/Database=$db}"
export RabbitMq__VirtualHost=$vhost
export Logging__LogLevel__Default=Warning DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production
# Production must know its public name (ADR 17); limits high: the benchmark measures the limiter's cost, not its 429s.
export Open311__PublicUrl="$base/open311/v2" RateLimits__PostPerKey__PermitLimit=1000000000 \
  RateLimits__PostPerAddress__PermitLimit=1000000000 RateLimits__GetPerAddress__PermitLimit=1000000000 RateLimits__BackOfficePerKey__PermitLimit=1000000000

psql "$pg_admin" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
bash deploy/local/services.sh add-vhost $vhost

for project in src/Open311Gateway.Api src/Open311Gateway.Worker deploy/bench/Open311Gateway.Bench; do
  dotnet build -c Release "$project" >/dev/null
done
api_dir=src/Open311Gateway.Api/bin/Release/net10.0
api() { (cd "$api_dir" && dotnet Open311Gateway.Api.dll "$@"); }
api migrate >/dev/null
api import-catalog "$repo_root/deploy/bench/bench-catalog.yaml" >/dev/null
key="$(api create-api-key Benchmark | tail -n 1)"

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql "$pg_admin" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
  bash deploy/local/services.sh delete-vhost $vhost || true
}
trap cleanup EXIT

# Mails carry status links, as in production: a key and a base URL for them.
(cd "$api_dir" && StatusLinks__BaseUrl="$base" StatusLinks__Keys__0__Id=bench StatusLinks__Keys__0__Secret="bench-only-status-link-key-0123456789abcdef" \
  exec dotnet Open311Gateway.Api.dll --urls "$base") >"$logs/bench-api.log" 2>&1 &
pids+=("$!")
# Through env: setting names hold the jurisdiction ids, whose dots and hyphens a shell assignment cannot take.
(cd src/Open311Gateway.Worker/bin/Release/net10.0 && exec env \
  Worker__Jurisdictions__0=bench-webhook.example Worker__Jurisdictions__1=bench-mail.example \
  Adapters__Webhook__Secrets__bench-webhook.example=bench-only-secret \
  Worker__Destinations__bench-webhook.example__Hosts__0=127.0.0.1 Worker__Destinations__bench-mail.example__MailDomains__0=bench.example \
  Adapters__Email__Smtp__Host=127.0.0.1 Adapters__Email__Smtp__Port=5198 Adapters__Email__Smtp__Security=None \
  Adapters__Email__From__Address=open311@bench.example \
  dotnet Open311Gateway.Worker.dll) >"$logs/bench-worker.log" 2>&1 &
pids+=("$!")
for _ in $(seq 1 60); do curl -fs "$base/health/ready" >/dev/null && break; sleep 1; done

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB;" \
  "API, worker, PostgreSQL $(psql "$pg_admin" -Atc 'SHOW server_version'), RabbitMQ and the load generator on it"
bench() { dotnet deploy/bench/Open311Gateway.Bench/bin/Release/net10.0/Open311Gateway.Bench.dll "$@"; }

for adapter in $adapters; do
  case $adapter in
    webhook) jurisdiction=bench-webhook.example receiver_port=5199 ;;
    email) jurisdiction=bench-mail.example receiver_port=5198 ;;
    *) echo "unknown adapter $adapter" >&2; exit 2 ;;
  esac
  bench --api "$base" --key "$key" --adapter "$adapter" --jurisdiction "$jurisdiction" --receiver-port "$receiver_port" \
    --database "$ConnectionStrings__Gateway" --rates "$rates" --duration "$duration" --find-highest "${FIND_HIGHEST:-true}"
done
