#!/usr/bin/env bash
# Debian's headless Chromium (/usr/bin/chromium) for the operator status page's browser test
# (tests/Open311Gateway.IntegrationTests/Operator). The test drives it over the DevTools protocol with
# PuppeteerSharp and never downloads a browser of its own. Installs the package when it is missing
# (a fresh CI machine: about 124 MB to download, 414 MB on disk, 10-20 s); otherwise does nothing.
#
#   deploy/local/browser.sh           install if missing, print the version
set -euo pipefail

log() { echo "browser.sh: $*" >&2; }
die() { log "$*"; exit 1; }
source "$(dirname "${BASH_SOURCE[0]}")/packages.sh"

ensure_packages chromium
# (Debian's wrapper script prints a harmless shell warning on some machines; only the version line matters.)
log "$(/usr/bin/chromium --version 2>/dev/null)"
