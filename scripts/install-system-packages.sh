#!/usr/bin/env bash
# Installs the Debian packages the tests need, as listed once in scripts/system-packages.js.
# Idempotent; needs root. Runs on the machine's own Node (npm install needs one anyway).
set -euo pipefail
exec node "$(dirname "$0")/system-packages.js"
