#!/usr/bin/env bash
# Debian packages the tests need: chromium (drives the real VS Code in e2e tests),
# libkrb5-dev (code-server's native modules build against it) and python3-azure (Microsoft's
# Python SDK, a client the project did not write, drives the emulator). Idempotent; needs root.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
dpkg -s python3-azure >/dev/null 2>&1 || missing+=(python3-azure)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "Installed Debian packages: ${missing[*]}"
