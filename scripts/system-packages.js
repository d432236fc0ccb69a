#!/usr/bin/env node
// The one list of Debian packages the tests need, each with the layers that need it and how to
// tell it is there. scripts/install-system-packages.sh installs from it, scripts/test.js checks it
// before a layer runs (and installs what is missing when it runs as root), and the code-server
// installer names its build prerequisites from it. Runs on the machine's own Node (20 or later).
const { spawnSync } = require('child_process');
const fs = require('fs');

function commandExists(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function installed(name) {
  return spawnSync('dpkg', ['-s', name], { stdio: 'ignore' }).status === 0;
}

/** `layers`: the test layers that need the package ('test host' builds code-server's native modules). */
const packages = [
  { name: 'python3-azure', why: "Microsoft's Python SDK: a client the emulator is tested against", layers: ['unit'], present: () => spawnSync('/usr/bin/python3', ['-c', 'import azure.mgmt.network, azure.identity'], { stdio: 'ignore' }).status === 0 },
  { name: 'python3', why: "node-gyp builds code-server's native modules with it", layers: ['test host'], present: () => commandExists('python3') },
  { name: 'make', why: "code-server's native modules are built with it", layers: ['test host'], present: () => commandExists('make') },
  { name: 'g++', why: "code-server's native modules are built with it", layers: ['test host'], present: () => commandExists('g++') },
  { name: 'libkrb5-dev', why: "code-server's native modules build against it", layers: ['test host'], present: () => fs.existsSync('/usr/include/gssapi/gssapi.h') && commandExists('krb5-config') },
  { name: 'chromium', why: 'the integration and end-to-end tests drive the real VS Code in it', layers: ['integration', 'e2e'], present: () => fs.existsSync('/usr/bin/chromium') },
  { name: 'fonts-dejavu-core', why: 'screenshots with readable text', layers: ['e2e'], present: () => installed('fonts-dejavu-core') },
];

/** The packages missing for these layers (all layers when none are named). */
function missingFor(layers = []) {
  return packages.filter((pkg) => (layers.length === 0 || pkg.layers.some((layer) => layers.includes(layer))) && !pkg.present());
}

function installCommand(names) {
  return `sudo bash scripts/install-system-packages.sh   # apt-get install ${names.join(' ')}`;
}

/** Installs what is missing when root; otherwise returns the message naming the exact command. */
function ensure(layers = []) {
  const missing = missingFor(layers);
  if (missing.length === 0) return { ok: true };
  const names = missing.map((pkg) => pkg.name);
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    return { ok: false, message: `Missing Debian packages: ${names.join(', ')}. Install them with:\n  ${installCommand(names)}` };
  }
  console.log(`Installing Debian packages: ${names.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...names]]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) return { ok: false, message: `apt-get ${args[0]} failed (exit ${result.status}): the packages ${names.join(', ')} are still missing.` };
  }
  const still = missingFor(layers).map((pkg) => pkg.name);
  return still.length ? { ok: false, message: `Installed, yet still missing: ${still.join(', ')}.` } : { ok: true };
}

module.exports = { packages, missingFor, ensure, installCommand };

if (require.main === module) {
  const result = ensure();
  if (!result.ok) {
    console.error(result.message);
    process.exit(1);
  }
}
