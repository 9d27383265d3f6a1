#!/usr/bin/env bash
# Debian's Redmine (SQLite) for the Redmine adapter's tests and for trying the adapter by hand.
#
#   deploy/local/redmine.sh [start|stop|status|env]
#
# Installs redmine, redmine-sqlite and thin from Debian when missing (as root; no system service is
# started), prepares the package's default instance for the gateway (REST API on, a project with its
# trackers and two categories, custom fields for our id — "used as a filter" — and the coordinates;
# deploy/local/redmine-setup.rb, idempotent) and runs `bin/rails server -u thin` on 127.0.0.1 in the
# background, as www-data, with its pid file and log under the state directory. `env` prints the
# connection facts (URL, the administrator's API key, project, tracker, custom field and status ids) as
# shell `export` lines; the integration tests read them.
#
# This is the package's own instance (/etc/redmine/default, its SQLite database under
# /var/lib/dbconfig-common): a machine used for this should not also use that instance for real work.
#
# Settings (environment):
#   OPEN311_STATE_DIR         where the pid file, log and facts live  (default: <repo>/.local)
#   OPEN311_REDMINE_PORT      HTTP port on 127.0.0.1                  (default: 3300)
#   OPEN311_REDMINE_PROJECT   identifier of the project to prepare    (default: maengel)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

state_dir="${OPEN311_STATE_DIR:-$repo_root/.local}"
[[ $state_dir == /* ]] || state_dir="$PWD/$state_dir"
port="${OPEN311_REDMINE_PORT:-3300}"
project="${OPEN311_REDMINE_PROJECT:-maengel}"

redmine_root=/usr/share/redmine
instance=default
run_dir="$state_dir/redmine"
pid_file="$run_dir/server.pid"
log_file="$run_dir/server.log"
facts_file="$run_dir/env"
url="http://127.0.0.1:$port"

log() { printf '[redmine] %s\n' "$*" >&2; }
die() { printf '[redmine] ERROR: %s\n' "$*" >&2; exit 1; }

# port_open, package_installed, ensure_packages
source "$repo_root/deploy/local/packages.sh"

# Replace the calling (sub)shell with a command in Redmine's directory, run as www-data, who owns the
# instance's database, log and cache; a non-root developer runs it as themself (and needs write access to
# the instance). Call it in a subshell: `( redmine_exec … ) &` makes "$!" the server's own pid.
redmine_exec() {
  cd "$redmine_root"
  # A UTF-8 locale whatever the caller has (CI may run with none): Ruby reads the setup's umlauts by it.
  local env_args=(RAILS_ENV=production "X_DEBIAN_SITEID=$instance" "OPEN311_REDMINE_PROJECT=$project" HOME=/tmp LANG=C.UTF-8 LC_ALL=C.UTF-8)
  if [[ $(id -u) -eq 0 ]]; then
    exec env "${env_args[@]}" setpriv --reuid=www-data --regid=www-data --init-groups -- "$@"
  else
    exec env "${env_args[@]}" "$@"
  fi
}

# The instance's Gemfile.lock is written when the package is configured; one written before thin was
# installed does not list it, and `rails server -u thin` then fails. Deleted, it is rebuilt from the
# installed gems (Bundler resolves locally), as the issue's notes say.
ensure_gemfile_lock() {
  local lock=/var/lib/redmine/Gemfile.lock
  [[ -f $lock ]] && grep -q '^    thin (' "$lock" && return 0
  [[ $(id -u) -eq 0 ]] || die "$lock does not list thin; as root: rm $lock (it is rebuilt)"
  log "rebuilding $lock (it did not list thin)"
  rm -f "$lock"
  (cd "$redmine_root" && ruby -rbundler/setup -e 1) >&2 || die "could not rebuild $lock"
  chown www-data:www-data "$lock"
}

# `rails server` creates tmp/{cache,pids,sockets} under Rails.root even though Debian's instance keeps its
# own tmp elsewhere; /usr/share/redmine is root's, so empty ones are made here once.
ensure_rails_tmp() {
  local dir
  for dir in cache pids sockets; do
    [[ -d $redmine_root/tmp/$dir ]] && continue
    [[ $(id -u) -eq 0 ]] || die "$redmine_root/tmp/$dir is missing; as root: mkdir -p $redmine_root/tmp/{cache,pids,sockets}"
    mkdir -p "$redmine_root/tmp/$dir"
  done
}

server_pid() {  # the pid of our running server, or nothing
  [[ -s $pid_file ]] || return 0
  local pid
  pid="$(<"$pid_file")"
  # A reused pid must not be mistaken for ours: check that it is a rails server on our port.
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "rails server .*-p $port"; then
    echo "$pid"
  fi
}

answers() {
  curl -fsS -o /dev/null --max-time 5 "$url/issue_statuses.json" 2>/dev/null
}

write_facts() {  # $1 = output of redmine-setup.rb
  local facts
  facts="$(sed -n 's/^OPEN311 //p' <<<"$1")"
  [[ -n $facts ]] || die "redmine-setup.rb printed no facts"
  mkdir -p "$run_dir"
  # The administrator's API key is in it: readable by us only.
  (umask 077 && { echo "OPEN311_REDMINE_URL=$url"; echo "$facts"; } >"$facts_file.tmp")
  mv "$facts_file.tmp" "$facts_file"
}

start() {
  ensure_packages redmine redmine-sqlite thin
  [[ -r /etc/redmine/$instance/database.yml || $(id -u) -eq 0 ]] ||
    die "cannot read /etc/redmine/$instance/database.yml; run as root"
  [[ -f /etc/redmine/$instance/database.yml ]] ||
    die "Debian's default Redmine instance is not configured (/etc/redmine/$instance/database.yml); try: dpkg-reconfigure redmine"
  mkdir -p "$run_dir"
  local pid
  pid="$(server_pid)"
  if [[ -n $pid ]] && answers && [[ -s $facts_file ]]; then
    log "Redmine already running at $url (pid $pid)"
    return 0
  fi
  [[ -z $pid ]] && port_open "$port" && die "127.0.0.1:$port is taken by another process; stop it or set OPEN311_REDMINE_PORT"
  ensure_gemfile_lock
  ensure_rails_tmp

  log "preparing the instance (REST API, project '$project', custom fields)"
  local setup
  # The script travels as the runner's argument: www-data may not be able to read a checkout under /root.
  setup="$(redmine_exec bin/rails runner "$(<"$repo_root/deploy/local/redmine-setup.rb")" 2>"$run_dir/setup.log")" ||
    { tail -n 20 "$run_dir/setup.log" >&2; die "redmine-setup.rb failed (log: $run_dir/setup.log)"; }
  write_facts "$setup"

  if [[ -z $pid ]]; then
    log "starting Redmine on $url (log: $log_file)"
    # Rails' own pid file lives in the instance's tmp (www-data may write there); ours is "$!".
    (redmine_exec bin/rails server -u thin -e production -b 127.0.0.1 -p "$port" \
      -P "/var/lib/redmine/$instance/tmp/open311-server-$port.pid") >"$log_file" 2>&1 </dev/null &
    pid=$!
    echo "$pid" >"$pid_file"
  fi
  local i
  for ((i = 0; i < 120; i++)); do
    answers && { log "Redmine answers at $url (pid $pid)"; return 0; }
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  tail -n 30 "$log_file" >&2 || true
  die "Redmine did not answer at $url (log: $log_file)"
}

stop() {
  local pid i
  pid="$(server_pid)"
  if [[ -z $pid ]]; then
    log "Redmine (port $port) is not running"
    return 0
  fi
  log "stopping Redmine (pid $pid)"
  kill -TERM "$pid"
  for ((i = 0; i < 40; i++)); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$pid_file"; return 0; }
    sleep 0.25
  done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$pid_file"
}

status() {
  package_installed redmine || { echo "redmine:    not installed"; return 0; }
  local pid version
  pid="$(server_pid)"
  version="$(dpkg-query -W -f='${Version}' redmine 2>/dev/null)"
  if [[ -n $pid ]] && answers; then
    echo "redmine:    running, $url, pid $pid, package $version, project $project"
  elif [[ -n $pid ]]; then
    echo "redmine:    starting or not answering, $url, pid $pid"
  else
    echo "redmine:    stopped (package $version)"
  fi
}

print_env() {
  [[ -s $facts_file ]] || die "no connection facts yet ($facts_file); run '$0 start' first"
  local line
  while IFS= read -r line; do
    [[ -n $line ]] && printf 'export %s=%q\n' "${line%%=*}" "${line#*=}"
  done <"$facts_file"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  env) print_env ;;
  *) die "usage: $0 [start|stop|status|env]" ;;
esac
