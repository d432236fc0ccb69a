#!/usr/bin/env node
// Runs every test layer one after another (build → lint → unit → test host → integration → e2e), each under a hard
// timeout so a silent hang fails with a clear message instead of blocking CI, then prints one
// closing line "tests: N passed, N failed" over all layers.
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const mocha = path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
const reporter = path.join(root, 'test', 'support', 'count-reporter.js');
const systemPackages = require('./system-packages');

const layers = [
  { name: 'build', command: ['npm', 'run', '--silent', 'build:test'], timeoutSeconds: 300 },
  { name: 'lint', command: ['npm', 'run', '--silent', 'lint'], timeoutSeconds: 300 },
  {
    name: 'unit',
    command: [process.execPath, mocha, '--reporter', reporter, '--timeout', '20000', 'out/test/unit/**/*.test.js'],
    timeoutSeconds: 600,
    counted: true,
  },
  // Installs the real VS Code (code-server) on first use; its own timeout, so the test layers' limits are about tests.
  { name: 'test host', command: [process.execPath, 'scripts/install-test-host.js'], timeoutSeconds: 3 * (4 + 12) * 60 + 60, optionalFile: 'scripts/install-test-host.js' },
  { name: 'integration', command: [process.execPath, 'out/test/integration/run.js'], timeoutSeconds: 900, counted: true, optionalFile: 'out/test/integration/run.js' },
  {
    name: 'e2e',
    command: [process.execPath, mocha, '--reporter', reporter, '--timeout', '120000', 'out/test/e2e/**/*.test.js'],
    timeoutSeconds: 1200,
    counted: true,
    optionalDir: 'out/test/e2e',
  },
];

const only = process.argv.slice(2);

function run(layer, env) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(layer.command[0], layer.command.slice(1), { cwd: root, env, stdio: 'inherit', detached: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`\n✖ ${layer.name}: no result after ${layer.timeoutSeconds} s; stopping it. A test or a process it started hangs.`);
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }, layer.timeoutSeconds * 1000);
    const stop = () => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ } process.exit(130); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      resolve({ ok: !timedOut && code === 0, code, signal, timedOut, seconds });
    });
  });
}

function hasTests(layer) {
  if (layer.optionalFile) return fs.existsSync(path.join(root, layer.optionalFile));
  if (layer.optionalDir) {
    const dir = path.join(root, layer.optionalDir);
    return fs.existsSync(dir) && fs.readdirSync(dir).some((f) => f.endsWith('.test.js'));
  }
  return true;
}

/**
 * Node reads NODE_EXTRA_CA_CERTS only at start: every test process gets the emulator's certificate up
 * front, added to (never replacing) the certificates the machine already trusts this way — npm
 * needs those to reach the registry when the test host installs code-server.
 */
async function certificatesToTrust() {
  const { ensureCertificate } = require(path.join(root, 'out', 'test', 'emulator', 'server.js'));
  const emulatorCa = await ensureCertificate();
  const existing = process.env.NODE_EXTRA_CA_CERTS;
  if (!existing || path.resolve(existing) === emulatorCa || !fs.existsSync(existing)) return emulatorCa;
  const bundle = path.join(root, '.cache', 'test-ca-bundle.pem');
  fs.writeFileSync(bundle, `${fs.readFileSync(existing, 'utf8').trimEnd()}\n${fs.readFileSync(emulatorCa, 'utf8')}`);
  return bundle;
}

/** The layers this run will start, by name. */
function layersToRun() {
  return layers.filter((layer) => !only.length || layer.name === 'build' || only.includes(layer.name) || (layer.name === 'test host' && only.some((name) => name === 'integration' || name === 'e2e'))).map((layer) => layer.name);
}

async function main() {
  // Before anything is built: the Debian packages these layers need (installed here when run as root).
  const running = layersToRun();
  const packages = systemPackages.ensure(running);
  if (!packages.ok) {
    console.error(`✖ ${packages.message}`);
    console.log('tests: 0 passed, 1 failed');
    process.exit(1);
  }
  const statsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'azvpn-stats-'));
  const statsFile = path.join(statsDir, 'stats.jsonl');
  const results = [];
  for (const layer of layers) {
    if (!running.includes(layer.name)) continue;
    if (!hasTests(layer)) {
      console.log(`\n▶ ${layer.name}: no tests in this layer`);
      continue;
    }
    console.log(`\n▶ ${layer.name}`);
    const env = { ...process.env, TEST_STATS_FILE: statsFile, TEST_LAYER: layer.name };
    if (layer.name !== 'build') env.NODE_EXTRA_CA_CERTS = await certificatesToTrust();
    const result = await run(layer, env);
    results.push({ layer, ...result });
    console.log(`${result.ok ? '✔' : '✖'} ${layer.name} ${result.ok ? 'passed' : 'FAILED'} in ${result.seconds} s`);
    if (layer.name === 'build' && !result.ok) break;
  }
  const counts = fs.existsSync(statsFile)
    ? fs.readFileSync(statsFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l))
    : [];
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const { layer, ok } of results) {
    const mine = counts.filter((c) => c.layer === layer.name);
    for (const c of mine) { passed += c.passes; failed += c.failures; skipped += c.pending; }
    if (!ok && !mine.some((c) => c.failures > 0)) failed += 1; // a crash, hang or build error counts as a failure
  }
  fs.rmSync(statsDir, { recursive: true, force: true });
  console.log('\nLayers: ' + results.map((r) => `${r.layer.name} ${r.ok ? 'ok' : 'FAILED'} (${r.seconds} s)`).join(', '));
  if (skipped > 0) console.log(`${skipped} skipped test(s): a skipped test is not a pass; remove the skip or the test.`);
  console.log(`tests: ${passed} passed, ${failed + skipped} failed`);
  process.exit(failed + skipped > 0 || results.some((r) => !r.ok) ? 1 : 0);
}

main();
