#!/usr/bin/env bash
# PostgreSQL 15 + PostGIS and RabbitMQ for development and tests, without Docker.
#
#   deploy/local/services.sh [start|stop|status|env]
#
# There is no Docker engine on our machines or in CI (see shared architecture notes), so
# the gateway's backing services come from Debian packages and run as throw-away instances
# of the project's own: a private initdb cluster and a private RabbitMQ node, with all their
# state under one directory. They never touch the system-wide cluster or broker. One
# exception: when the PostgreSQL port already answers (say, a cluster someone started by
# hand), that server is used as it is (the database is created there if missing) and is
# never stopped by this script.
#
# Settings (environment):
#   OPEN311_STATE_DIR    where data and logs live          (default: <repo>/.local)
#   OPEN311_PG_PORT      PostgreSQL port on 127.0.0.1      (default: 55432)
#   OPEN311_PG_DB        database created for the gateway  (default: open311)
#   OPEN311_RABBIT_PORT  AMQP port on 127.0.0.1            (default: 5672)
#   OPEN311_RABBIT_NODE  Erlang node name of the broker    (default: open311@localhost)
#   OPEN311_SKIP_RABBIT  1 = leave RabbitMQ alone          (default: 0)
#   OPEN311_SKIP_PG      1 = leave PostgreSQL alone        (default: 0; tests that need a broker of their own)
#   OPEN311_ERROR_QUEUE_TTL_HOURS  hours a message parked in the gateway's error and skipped
#                        queues is kept before RabbitMQ drops it (default: 168; specs/privacy.md)
#
# The defaults match the gateway's built-in configuration defaults, so a fresh checkout
# needs no settings. `env` prints the matching settings as shell `export` lines.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

state_dir="${OPEN311_STATE_DIR:-$repo_root/.local}"
[[ $state_dir == /* ]] || state_dir="$PWD/$state_dir"  # the services run from / (below)
pg_port="${OPEN311_PG_PORT:-55432}"
pg_db="${OPEN311_PG_DB:-open311}"
rabbit_port="${OPEN311_RABBIT_PORT:-5672}"
rabbit_node="${OPEN311_RABBIT_NODE:-open311@localhost}"
skip_rabbit="${OPEN311_SKIP_RABBIT:-0}"
skip_pg="${OPEN311_SKIP_PG:-0}"
error_queue_ttl_hours="${OPEN311_ERROR_QUEUE_TTL_HOURS:-168}"

pg_bin=/usr/lib/postgresql/15/bin
rabbit_bin=/usr/lib/rabbitmq/bin

log() { printf '[services] %s\n' "$*" >&2; }
die() { printf '[services] ERROR: %s\n' "$*" >&2; exit 1; }

# Run a command line as a service account. We are root on our machines and CI; PostgreSQL
# refuses to run as root and RabbitMQ's Debian files belong to `rabbitmq`. A non-root
# developer runs everything as themself instead.
as_user() {
  local user="$1"; shift
  local cmd
  cmd="$(printf '%q ' "$@")"
  # From /, since our cwd (e.g. /root) may be closed to the service account.
  if [[ $(id -u) -eq 0 ]]; then
    (cd / && su "$user" -s /bin/bash -c "$cmd")
  else
    (cd / && bash -c "$cmd")
  fi
}

# port_open, package_installed, ensure_packages
source "$repo_root/deploy/local/packages.sh"

# ---------------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------------

# A directory for one service's state, owned by the account that runs it. That account must
# be able to reach it: a repository under a private home directory (e.g. /root, mode 700) is
# not traversable by postgres or rabbitmq, and a Unix socket path must stay under ~107 bytes.
# In either case we fall back to a directory under /tmp keyed by the port, so the same port
# always finds the same data again.
service_dir() {  # $1 = name, $2 = account, $3 = port
  local name="$1" user="$2" port="$3"
  local dir="$state_dir/$name"
  if [[ ${#dir} -le 80 ]]; then
    mkdir -p "$dir"
    if [[ $(id -u) -eq 0 ]]; then chown "$user:$user" "$dir"; fi
    if as_user "$user" test -w "$dir" -a -x "$dir" 2>/dev/null; then
      printf '%s\n' "$dir"
      return
    fi
  fi
  dir="/tmp/open311-$name-$port"
  log "note: $user cannot use $state_dir/$name (not reachable, or path too long); using $dir"
  mkdir -p "$dir"
  if [[ $(id -u) -eq 0 ]]; then chown "$user:$user" "$dir"; fi
  printf '%s\n' "$dir"
}

pg_dir() { service_dir pg postgres "$pg_port"; }

pg_running() {  # $1 = pg dir
  [[ -f $1/data/PG_VERSION ]] && as_user postgres "$pg_bin/pg_ctl" -D "$1/data" status >/dev/null 2>&1
}

pg_psql() {  # psql against our database server as the superuser
  "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

pg_init() {  # $1 = pg dir
  local dir="$1" locale=C
  # C.UTF-8 sorts like C but knows Unicode character classes; it is missing on some images.
  if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then locale=C.UTF-8; fi
  log "initdb $dir/data (locale $locale)"
  as_user postgres "$pg_bin/initdb" -D "$dir/data" --auth=trust -U postgres -E UTF8 \
    --locale="$locale" >"$dir/initdb.log" 2>&1 ||
    { tail -n 20 "$dir/initdb.log" >&2; die "initdb failed (log: $dir/initdb.log)"; }
  # Our settings live in a file of their own, rewritten on every start (below), so a
  # different OPEN311_PG_PORT takes effect without a new cluster.
  echo "include_if_exists = 'open311.conf'" >>"$dir/data/postgresql.conf"
}

pg_write_settings() {  # $1 = pg dir
  local dir="$1"
  # fsync stays on (the default): the outbox story relies on committed rows surviving.
  cat >"$dir/data/open311.conf" <<EOF
# Written by deploy/local/services.sh on every start; edits here are lost.
listen_addresses = '127.0.0.1'
port = $pg_port
unix_socket_directories = '$dir/run'
# Integration tests run classes in parallel, each with pooled connections of its own.
max_connections = 300
EOF
  chown postgres:postgres "$dir/data/open311.conf" 2>/dev/null || true
}

pg_start() {
  ensure_packages postgresql-15 postgresql-15-postgis-3
  local dir started=0
  dir="$(pg_dir)"
  if pg_running "$dir"; then
    log "PostgreSQL already running ($dir/data, port $pg_port)"
  elif port_open "$pg_port"; then
    # Someone else's server holds the port (e.g. a cluster started by hand). Starting ours
    # would fail; using theirs is what the caller most likely wants. We never stop it.
    log "note: 127.0.0.1:$pg_port is served by a PostgreSQL that is not ours ($dir/data); using it as is"
  else
    [[ -f $dir/data/PG_VERSION ]] || pg_init "$dir"
    mkdir -p "$dir/run"
    if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$dir/run"; fi
    pg_write_settings "$dir"
    log "starting PostgreSQL on 127.0.0.1:$pg_port ($dir/data)"
    # -W: do not let pg_ctl wait; we wait ourselves below, with a clear error.
    as_user postgres "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -W start >/dev/null
    started=1
  fi
  pg_wait "$dir" "$started"
  pg_ensure_database
}

pg_wait() {  # $1 = pg dir, $2 = 1 when we just started it
  local i
  for ((i = 0; i < 60; i++)); do
    "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" && return 0
    # A server that exited (port taken, bad setting) will not come up: say so now.
    if [[ $2 == 1 && $i -ge 4 ]] && ! pg_running "$1"; then break; fi
    sleep 0.5
  done
  tail -n 30 "$1/postgres.log" >&2 2>/dev/null || true
  die "PostgreSQL did not answer on 127.0.0.1:$pg_port (log: $1/postgres.log)"
}

pg_ensure_database() {
  if [[ -z $(pg_psql -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$pg_db'") ]]; then
    log "creating database $pg_db"
    pg_psql -d postgres -c "CREATE DATABASE \"$pg_db\""
  fi
  # Fail here, not in the middle of a migration, when the PostGIS package is missing.
  [[ -n $(pg_psql -d postgres -c "SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'") ]] ||
    die "the server on port $pg_port offers no PostGIS extension (package postgresql-15-postgis-3)"
}

pg_stop() {
  package_installed postgresql-15 || { log "PostgreSQL 15 is not installed"; return 0; }
  local dir
  dir="$(pg_dir)"
  if pg_running "$dir"; then
    log "stopping PostgreSQL ($dir/data)"
    as_user postgres "$pg_bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  else
    log "PostgreSQL ($dir/data) is not running"
  fi
}

pg_status() {
  package_installed postgresql-15 || { echo "postgresql: not installed"; return 0; }
  local dir version
  dir="$(pg_dir)"
  if pg_running "$dir"; then
    version="$(pg_psql -d postgres -c 'SHOW server_version' 2>/dev/null || echo '?')"
    echo "postgresql: running, 127.0.0.1:$pg_port, version $version, data $dir/data"
  elif port_open "$pg_port"; then
    echo "postgresql: port $pg_port is served by another server (not $dir/data)"
  else
    echo "postgresql: stopped (data $dir/data)"
  fi
}

# ---------------------------------------------------------------------------------------
# RabbitMQ
# ---------------------------------------------------------------------------------------

rabbit_dir=""  # set by rabbit_init_dir

rabbit_init_dir() { rabbit_dir="$(service_dir rabbitmq rabbitmq "$rabbit_port")"; }

# Environment for both the server and the CLI, so they agree on where the node lives.
rabbit_env() {
  printf '%s\n' \
    "RABBITMQ_NODENAME=$rabbit_node" \
    "RABBITMQ_NODE_IP_ADDRESS=127.0.0.1" \
    "RABBITMQ_NODE_PORT=$rabbit_port" \
    "RABBITMQ_DIST_PORT=$((rabbit_port + 20000))" \
    "RABBITMQ_MNESIA_BASE=$rabbit_dir/mnesia" \
    "RABBITMQ_LOG_BASE=$rabbit_dir/log" \
    "RABBITMQ_CONFIG_FILE=$rabbit_dir/rabbitmq.conf" \
    "RABBITMQ_ENABLED_PLUGINS_FILE=$rabbit_dir/enabled_plugins" \
    "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}"
}

rabbit_run() {  # $1 = rabbitmq-server|rabbitmqctl|rabbitmq-diagnostics, rest = arguments
  local tool="$1"; shift
  local env_args=()
  mapfile -t env_args < <(rabbit_env)
  as_user rabbitmq env "${env_args[@]}" "$rabbit_bin/$tool" "$@"
}

rabbit_running() {
  rabbit_run rabbitmq-diagnostics -q -n "$rabbit_node" ping >/dev/null 2>&1
}

rabbit_log_lines() {  # lines in the node's log so far (it keeps growing across starts)
  local log_file="$rabbit_dir/log/$rabbit_node.log"
  if [[ -f $log_file ]]; then wc -l <"$log_file"; else echo 0; fi
}

rabbit_log_tail() {  # $1 = lines to skip (those written before this start)
  local log_file="$rabbit_dir/log/$rabbit_node.log"
  [[ -f $log_file ]] || return 0
  # The cause (e.g. a port that cannot be bound) is logged long before the shutdown noise
  # at the end, so show this start's first errors as well as the tail.
  tail -n "+$(($1 + 1))" "$log_file" | grep -m 12 -E '\[(error|critical)\]' >&2 || true
  echo '...' >&2
  tail -n 10 "$log_file" >&2
}

# 0 while the node's OS process (from its pid file) is alive or has not written one yet.
rabbit_process_alive() {
  local pid_file="$rabbit_dir/mnesia/$rabbit_node.pid" pid
  [[ -s $pid_file ]] || return 0
  pid="$(<"$pid_file")"
  kill -0 "$pid" 2>/dev/null
}

rabbit_start() {
  ensure_packages rabbitmq-server
  # Erlang short names need the host part (`localhost`) to resolve to a local address.
  local host="${rabbit_node#*@}"
  getent hosts "$host" >/dev/null || die "host name '$host' of node $rabbit_node does not resolve (check /etc/hosts)"
  rabbit_init_dir
  if rabbit_running; then
    log "RabbitMQ node $rabbit_node already running"
    return 0
  fi
  port_open "$rabbit_port" && die "127.0.0.1:$rabbit_port is taken by another process; stop it or set OPEN311_RABBIT_PORT"
  mkdir -p "$rabbit_dir/mnesia" "$rabbit_dir/log"
  # Own config and plug-in files, so a system-wide /etc/rabbitmq setup cannot leak in. No
  # plug-ins: the management UI would want port 15672 for every node and tests need none.
  [[ -f $rabbit_dir/rabbitmq.conf ]] || cat >"$rabbit_dir/rabbitmq.conf" <<'EOF'
# Written by deploy/local/services.sh. guest/guest may log in from localhost only (default).
loopback_users.guest = true
EOF
  [[ -f $rabbit_dir/enabled_plugins ]] || echo '[].' >"$rabbit_dir/enabled_plugins"
  if [[ $(id -u) -eq 0 ]]; then chown -R rabbitmq:rabbitmq "$rabbit_dir"; fi
  log "starting RabbitMQ node $rabbit_node on 127.0.0.1:$rabbit_port ($rabbit_dir)"
  rm -f "$rabbit_dir/mnesia/$rabbit_node.pid"  # a stale one would look like a dead node
  local log_skip
  log_skip="$(rabbit_log_lines)"
  rabbit_run rabbitmq-server -detached
  # await_startup gives up at once while the node is not yet reachable, so poll it until
  # the deadline, or until the node's process has died (then waiting longer is pointless).
  local deadline=$((SECONDS + 60))
  while ((SECONDS < deadline)); do
    rabbit_run rabbitmqctl -q -n "$rabbit_node" await_startup --timeout 10 >/dev/null 2>&1 && return 0
    rabbit_process_alive || break
    sleep 1
  done
  rabbit_log_tail "$log_skip"
  die "RabbitMQ node $rabbit_node did not start (logs: $rabbit_dir/log)"
}

rabbit_stop() {
  package_installed rabbitmq-server || { log "RabbitMQ is not installed"; return 0; }
  rabbit_init_dir
  if rabbit_running; then
    log "stopping RabbitMQ node $rabbit_node"
    # shutdown waits until the node's OS process has exited.
    rabbit_run rabbitmqctl -q -n "$rabbit_node" shutdown >/dev/null
  else
    log "RabbitMQ node $rabbit_node is not running"
  fi
}

rabbit_status() {
  package_installed rabbitmq-server || { echo "rabbitmq:   not installed"; return 0; }
  rabbit_init_dir
  if rabbit_running; then
    local version
    version="$(rabbit_run rabbitmqctl -q -n "$rabbit_node" eval 'rabbit_misc:version().' 2>/dev/null | tr -d '"' || echo '?')"
    echo "rabbitmq:   running, node $rabbit_node, 127.0.0.1:$rabbit_port, version $version, data $rabbit_dir"
  else
    echo "rabbitmq:   node $rabbit_node stopped (data $rabbit_dir)"
  fi
}

# ---------------------------------------------------------------------------------------

print_env() {
  printf 'export %s\n' \
    "$(printf '%q' "ConnectionStrings__Gateway=Host=127.0.0.1;Port=$pg_port;Database=$pg_db;Username=postgres;Password=postgres")" \
    "$(printf '%q' "OPEN311_TEST_DB=Host=127.0.0.1;Port=$pg_port;Database=$pg_db;Username=postgres;Password=postgres")" \
    "RabbitMq__Host=127.0.0.1" \
    "RabbitMq__Port=$rabbit_port"
}

rabbit_enabled() { [[ $skip_rabbit != 1 ]]; }
pg_enabled() { [[ $skip_pg != 1 ]]; }

# Messages parked in error and skipped queues may carry personal data, and nothing reads them by itself: they
# expire (specs/privacy.md, ADR 16). A policy rather than a queue argument: it also reaches queues (and messages)
# that exist already, and RabbitMQ refuses to re-declare an existing queue with a new argument.
rabbit_error_queue_policy() {  # $1 = virtual host
  [[ $error_queue_ttl_hours =~ ^[0-9]+([.][0-9]+)?$ ]] ||
    die "OPEN311_ERROR_QUEUE_TTL_HOURS must be a number of hours, not '$error_queue_ttl_hours'"
  local ms
  ms="$(awk -v h="$error_queue_ttl_hours" 'BEGIN { printf "%d", h * 3600000 }')"
  rabbit_run rabbitmqctl -q -n "$rabbit_node" set_policy -p "$1" --apply-to queues \
    open311-error-queue-ttl '^open311-.*_(error|skipped)$' "{\"message-ttl\":$ms}" >/dev/null
}

# Virtual hosts isolate test runs that share one broker (queues of the same name, bindings).
rabbit_vhost() {  # $1 = add|delete, $2 = name
  rabbit_init_dir
  rabbit_running || die "RabbitMQ node $rabbit_node is not running; run '$0 start' first"
  if [[ $1 == add ]]; then
    rabbit_run rabbitmqctl -q -n "$rabbit_node" add_vhost "$2" >/dev/null
    rabbit_run rabbitmqctl -q -n "$rabbit_node" set_permissions -p "$2" guest '.*' '.*' '.*' >/dev/null
    rabbit_error_queue_policy "$2"
  else
    rabbit_run rabbitmqctl -q -n "$rabbit_node" delete_vhost "$2" >/dev/null
  fi
}

case "${1:-start}" in
  start)
    mkdir -p "$state_dir"
    if pg_enabled; then pg_start; fi
    if rabbit_enabled; then rabbit_start; rabbit_error_queue_policy /; fi
    if pg_enabled; then echo "ConnectionStrings__Gateway=Host=127.0.0.1;Port=$pg_port;Database=$pg_db;Username=postgres;Password=postgres"; fi
    if rabbit_enabled; then echo "RabbitMq__Host=127.0.0.1 RabbitMq__Port=$rabbit_port"; fi
    ;;
  stop)
    mkdir -p "$state_dir"
    if rabbit_enabled; then rabbit_stop; fi
    if pg_enabled; then pg_stop; fi
    ;;
  status)
    mkdir -p "$state_dir"
    if pg_enabled; then pg_status; fi
    if rabbit_enabled; then rabbit_status; fi
    ;;
  env)
    print_env
    ;;
  add-vhost | delete-vhost)
    [[ -n ${2:-} ]] || die "usage: $0 $1 NAME"
    rabbit_vhost "${1%-vhost}" "$2"
    ;;
  *)
    die "usage: $0 [start|stop|status|env|add-vhost NAME|delete-vhost NAME]"
    ;;
esac
