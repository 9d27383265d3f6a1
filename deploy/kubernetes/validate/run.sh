#!/usr/bin/env bash
# Validates deploy/kubernetes offline: installs the validator's packages (npm ci, from the lockfile) and runs its
# own tests (which break copies of the manifests and expect it to notice), then the validator on the manifests.
# Installs Debian's nodejs and npm when node is missing. Exit code: 0 when the manifests are valid.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log() { echo "kubernetes-validate: $*" >&2; }
die() { log "$*"; exit 1; }
# shellcheck source=../../local/packages.sh
source "$here/../../local/packages.sh"

command -v node >/dev/null && command -v npm >/dev/null || ensure_packages nodejs npm

cd "$here"
# Reinstalled only when the lockfile changed since the last install.
if [[ ! -f node_modules/.package-lock.json ]] || ! cmp -s package-lock.json node_modules/.package-lock.json.ci; then
  npm ci --no-audit --no-fund --loglevel=error >&2
  cp package-lock.json node_modules/.package-lock.json.ci
fi
node --test validate.test.mjs
node validate.mjs
