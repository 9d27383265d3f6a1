#!/usr/bin/env bash
# Validates DCAT-AP.de documents offline against GovData's shapes (validate.mjs; shapes and vocabularies in
# specs/opendata/shacl/): installs the validator's packages (npm ci, from the lockfile) when they are missing or the
# lockfile changed, then runs it on the files given. Installs Debian's nodejs and npm when node is missing. Called by
# the integration tests (OpenData/Catalog/OpenDataCatalogShaclTests) with the gateway's own catalogue, the demo catalogue's and broken copies.
#
#   deploy/opendata/validate/run.sh catalog.ttl catalog.jsonld
#
# Prints one JSON line per document; exit code 0 when every document conforms (validate.mjs says more).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log() { echo "opendata-validate: $*" >&2; }
# shellcheck source=../../local/packages.sh
source "$here/../../local/packages.sh"

command -v node >/dev/null && command -v npm >/dev/null || ensure_packages nodejs npm

files=()
for file in "$@"; do files+=("$(cd "$(dirname "$file")" && pwd)/$(basename "$file")"); done

cd "$here"
if [[ ! -f node_modules/.package-lock.json ]] || ! cmp -s package-lock.json node_modules/.package-lock.json.ci; then
  log "installing the validator's packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error >&2
  cp package-lock.json node_modules/.package-lock.json.ci
fi
exec node validate.mjs "${files[@]}"
