#!/usr/bin/env bash
# Run the gateway locally: start PostgreSQL+PostGIS and RabbitMQ, build, migrate the
# database, load the example catalogue (Musterstadt on the webhook, Beispieldorf on e-mail),
# create an API key for a demo app and a key for the demo back office, start an adapter
# worker and the demo back office (webhook receiver and SMTP demo inbox) in the background
# (logs in .local/logs/), and serve the API in the foreground on
# http://127.0.0.1:${OPEN311_HTTP_PORT:-5080}. Ctrl+C stops all three.
#
# Each run creates one more demo API key. Ports: OPEN311_HTTP_PORT and OPEN311_DEMO_SMTP_PORT
# (the demo inbox, 2525) here, the rest as in services.sh (OPEN311_PG_PORT, OPEN311_RABBIT_PORT, ...).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo_root"

http_port="${OPEN311_HTTP_PORT:-5080}"
smtp_port="${OPEN311_DEMO_SMTP_PORT:-2525}"
api_project=src/Open311Gateway.Api

bash deploy/local/services.sh start
# The same connection settings services.sh used (ports may come from OPEN311_* variables).
eval "$(bash deploy/local/services.sh env)"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# appsettings.Development.json and developer-friendly error pages, unless told otherwise.
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-$ASPNETCORE_ENVIRONMENT}"

# Build once; each command below then starts the built programs without rebuilding.
for project in "$api_project" src/Open311Gateway.Worker src/Open311Gateway.DemoBackOffice; do
  dotnet build "$project"
done

# --no-launch-profile: a launchSettings.json must not override our URL or environment.
api() { dotnet run --no-build --no-launch-profile --project "$api_project" -- "$@"; }

api migrate
# dotnet run starts the program in its project folder: give it an absolute path.
api import-catalog "$repo_root/deploy/catalog/musterstadt.yaml"

# create-api-key prints the new key as the last line on stdout.
key_output="$(api create-api-key "Demo-App")"
printf '%s\n' "$key_output"
api_key="$(printf '%s\n' "$key_output" | sed '/^[[:space:]]*$/d' | tail -n 1 | tr -d '[:space:]')"
[[ -n $api_key ]] || { echo "create-api-key printed no key" >&2; exit 1; }

backoffice_output="$(api create-backoffice-key musterstadt.de "Demo-Backoffice")"
backoffice_key="$(printf '%s\n' "$backoffice_output" | sed '/^[[:space:]]*$/d' | tail -n 1 | tr -d '[:space:]')"

# An operator's key for the status page /operator/ (ADR 20).
admin_output="$(api create-admin-key "Demo-Operator")"
admin_key="$(printf '%s\n' "$admin_output" | sed '/^[[:space:]]*$/d' | tail -n 1 | tr -d '[:space:]')"

base_url="http://127.0.0.1:$http_port"
# The gateway's public name: discovery's URL and the open-data catalogue's download URLs come from it (ADR 17, 24).
export Open311__PublicUrl="$base_url/open311/v2"
# Photos uploaded with reports are kept in .local/ and published under this API's URL (ADR 14).
export Photos__Directory="$repo_root/.local/photos" Photos__PublicBaseUrl="$base_url/media/"

# The worker and the demo back office run in the background for as long as the API runs. Their
# Development settings share the demo HMAC key (dev-only-secret-musterstadt) with each other.
log_dir="$repo_root/.local/logs"
mkdir -p "$log_dir"
background_pids=()
stop_background() { for pid in "${background_pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap stop_background EXIT INT TERM

# Started from their build folders with exec, so the PID we keep is the program's own.
start_in_background() {  # $1 = project name, $2 = log file
  (cd "src/$1/bin/Debug/net10.0" && exec dotnet "$1.dll") >"$log_dir/$2" 2>&1 &
  background_pids+=("$!")
}
export DemoBackOffice__GatewayUrl="$base_url" DemoBackOffice__BackOfficeKey="$backoffice_key"
# The e-mail adapter sends to the demo inbox; the mails' status links point at this API.
export DemoBackOffice__Smtp__Port="$smtp_port" Adapters__Email__Smtp__Port="$smtp_port" StatusLinks__BaseUrl="$base_url"
start_in_background Open311Gateway.DemoBackOffice demo-backoffice.log
start_in_background Open311Gateway.Worker worker.log
cat <<EOF

================================================================================
  API key for "Demo-App":  $api_key

  Gateway: $base_url/open311/v2/   (starting below; Ctrl+C stops it)
  Demo back office: http://127.0.0.1:5090/   (what the webhook delivered; send status back)
  Demo inbox:       http://127.0.0.1:5090/inbox   (mails for beispieldorf.de, SMTP on 127.0.0.1:$smtp_port;
                    their status links open confirmation pages on the gateway)
  Back-office key for musterstadt.de: $backoffice_key
  Operator status page: $base_url/operator/   (sign in with the admin key $admin_key)
  Logs of worker and demo back office: .local/logs/
  Report a pothole in Musterstadt (through the webhook):

  curl -sS -X POST '$base_url/open311/v2/requests.json' \\
    --data-urlencode 'api_key=$api_key' \\
    --data-urlencode 'jurisdiction_id=musterstadt.de' \\
    --data-urlencode 'service_code=SCHLAGLOCH' \\
    --data-urlencode 'lat=52.5200' \\
    --data-urlencode 'long=13.4050' \\
    --data-urlencode 'attribute[GROESSE]=mittel' \\
    --data-urlencode 'description=Tiefes Schlagloch vor Hausnummer 12'

  ... and an uncleared pavement in Beispieldorf (a mail to the demo inbox):

  curl -sS -X POST '$base_url/open311/v2/requests.json' \\
    --data-urlencode 'api_key=$api_key' \\
    --data-urlencode 'jurisdiction_id=beispieldorf.de' \\
    --data-urlencode 'service_code=WINTERDIENST' \\
    --data-urlencode 'address_string=Dorfstraße 3' \\
    --data-urlencode 'description=Gehweg seit zwei Tagen nicht geräumt'
================================================================================

EOF

# Not exec: the trap above must stop the worker and the demo back office when the API ends.
dotnet run --no-build --no-launch-profile --project "$api_project" -- --urls "$base_url"
