# Debian packages for the project's local services, shared by services.sh and redmine.sh (sourced, not run).
# The sourcing script defines log and die first.

port_open() {  # 0 when something accepts TCP connections on 127.0.0.1:$1
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

package_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# Install whatever is missing of the given packages. A fresh CI machine has none of them.
ensure_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    package_installed "$pkg" || missing+=("$pkg")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  [[ $(id -u) -eq 0 ]] || die "missing packages: ${missing[*]} (install them: sudo apt-get install ${missing[*]})"
  log "installing ${missing[*]}"
  # Debian's post-install scripts would start system-wide services (PostgreSQL, a RabbitMQ node `rabbit@<host>`
  # on 5672 that would take our default AMQP port, thin). A policy-rc.d answering 101 ("action forbidden") stops
  # that, the same way container images do; we only add one when none exists and remove it again afterwards.
  local policy=/usr/sbin/policy-rc.d added_policy=0
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && added_policy=1
  fi
  local rc=0
  # apt's chatter goes to stderr: stdout carries only what the calling script prints.
  { DEBIAN_FRONTEND=noninteractive apt-get update -q &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"; } >&2 || rc=$?
  [[ $added_policy -eq 1 ]] && rm -f "$policy"
  [[ $rc -eq 0 ]] || die "apt-get install ${missing[*]} failed (exit $rc)"
}
