#!/usr/bin/env bash
# The README's two commands on a bare Debian: a fresh bookworm root made with debootstrap that holds
# only Node.js and npm (as this machine has them) and the machine's trusted certificates — no
# chromium, libkrb5-dev, fonts, python3, make or g++. `npm ci && npm test` run in it as root, so
# `npm test` must install the Debian packages it needs itself. Needs root on a Debian host.
#   bash test/host/bare-machine.sh [ROOT_DIR]    (default /tmp/azvpn-bare; output in ROOT_DIR.log)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
root=${1:-/tmp/azvpn-bare}
command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null; }
[ -x "$root/bin/bash" ] || debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian
# Node.js and npm as the machine has them, and how it reaches the npm registry (certificates, npmrc).
mkdir -p "$root/usr/lib/node_modules" "$root/usr/etc" "$root/etc/apt"
cp /usr/bin/node "$root/usr/bin/node"
rm -rf "$root/usr/lib/node_modules/npm" && cp -a /usr/lib/node_modules/npm "$root/usr/lib/node_modules/npm"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/bin/npm"
mkdir -p "$root/etc/ssl/certs" "$root/usr/local/share/ca-certificates"
cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
# The machine's own CAs (a proxy's, say) too: installing ca-certificates in the root rebuilds the bundle from them.
cp -a /usr/local/share/ca-certificates/. "$root/usr/local/share/ca-certificates/" 2>/dev/null || true
[ -f /usr/etc/npmrc ] && cp /usr/etc/npmrc "$root/usr/etc/npmrc"
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp -a /etc/apt/sources.list.d "$root/etc/apt/" 2>/dev/null || true
rm -rf "$root/work/project" && mkdir -p "$root/work" && git clone -q "$repo" "$root/work/project"
for fs in proc sys dev dev/pts dev/shm; do mountpoint -q "$root/$fs" || mount --bind "/$fs" "$root/$fs"; done
trap 'for fs in dev/shm dev/pts dev sys proc; do umount "$root/$fs" 2>/dev/null || true; done' EXIT
missing=$(chroot "$root" sh -c 'for p in chromium python3 make g++ krb5-config; do command -v $p >/dev/null && echo $p; done; true')
echo "bare root: $root; of chromium python3 make g++ krb5-config it has: ${missing:-none}"
chroot "$root" env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt \
  bash -c 'cd /work/project && node --version && npm --version && npm ci && npm test'
