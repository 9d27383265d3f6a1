#!/usr/bin/env bash
# Makes the secret files docker-compose.yml mounts: random passwords and keys, one file each, in
# ${OPEN311_COMPOSE_SECRETS:-.local/compose-secrets} (outside git). Files that exist are kept, so running it again
# changes nothing; delete the directory (and the pgdata volume, which remembers the first password) to start afresh.
#
#   deploy/docker/compose-secrets.sh && docker compose up --build
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dir="${OPEN311_COMPOSE_SECRETS:-$repo_root/.local/compose-secrets}"
mkdir -p "$dir"
# Only this user may look into the directory; the files themselves must be readable by the containers' own users
# (compose mounts each file as it is, without changing its owner or mode).
chmod 700 "$dir"

random() { head -c 32 /dev/urandom | base64 | tr -d '/+=' | cut -c1-32; }

write() {  # $1 = file name, $2 = content
  [[ -e "$dir/$1" ]] && return 0
  printf '%s' "$2" >"$dir/$1"
  chmod 644 "$dir/$1"
  echo "wrote $dir/$1"
}

write postgres_password "$(random)"
write gateway_database "Host=postgis;Port=5432;Database=open311;Username=postgres;Password=$(cat "$dir/postgres_password")"
write rabbitmq_username open311
write rabbitmq_password "$(random)"
write rabbitmq.conf "default_user = $(cat "$dir/rabbitmq_username")
default_pass = $(cat "$dir/rabbitmq_password")
"
write status_link_secret "$(random)"
write webhook_secret_musterstadt "$(random)"
echo "Secrets for docker compose are in $dir"
