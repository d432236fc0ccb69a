#!/usr/bin/env node
// Installs the real VS Code the tests drive — code-server from npm — into .vscode-test/ on demand.
// Plain CommonJS so it runs under the system Node 20 and the project's Node 24 alike.
//
// code-server needs Node 24 to install and run, and its install builds native modules (node-pty,
// kerberos, spdlog) with node-gyp. Installing it in one `npm install` races (an install script ran
// before a binary it needs was executable), so it is fetched with --ignore-scripts and its
// postinstall.sh is run afterwards with Node 24 first on PATH and node-gyp pointed at Node 24's headers.
'use strict';

const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const systemPackages = require('./system-packages');

const CODE_SERVER_VERSION = '4.139.1';
const REQUIRED_NODE_MAJOR = 24;
// The download normally takes under a minute; an npm that stalls (seen here: idle for 10 minutes with
// no socket open) is killed and the install retried rather than waited for.
const DOWNLOAD_TIMEOUT_MS = 4 * 60 * 1000;
const BUILD_TIMEOUT_MS = 12 * 60 * 1000;
const ATTEMPTS = 3;
const CHROMIUM_PATH = '/usr/bin/chromium';

const repoRoot = path.resolve(__dirname, '..');
const cacheRoot = path.join(repoRoot, '.vscode-test');
const installDir = path.join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`);
const packageDir = path.join(installDir, 'node_modules', 'code-server');
const markerFile = path.join(installDir, '.installed.json');
const lockDir = path.join(cacheRoot, `code-server-${CODE_SERVER_VERSION}.lock`);
const logFile = path.join(cacheRoot, `code-server-${CODE_SERVER_VERSION}-install.log`);

/** An install that cannot succeed until the user changes the machine: retrying is pointless. */
class MissingPrerequisiteError extends Error {}

/** The Node 24 binary of the `node` devDependency. */
function node24Path() {
  const binary = path.join(repoRoot, 'node_modules', 'node', 'bin', 'node');
  if (!fs.existsSync(binary)) {
    throw new MissingPrerequisiteError(
      `Node ${REQUIRED_NODE_MAJOR} not found at ${binary}: run "npm install" in ${repoRoot} first (the "node" devDependency provides it).`,
    );
  }
  const result = spawnSync(binary, ['-p', 'process.versions.node'], { encoding: 'utf8' });
  const version = (result.stdout || '').trim();
  if (result.status !== 0 || Number(version.split('.')[0]) !== REQUIRED_NODE_MAJOR) {
    throw new MissingPrerequisiteError(
      `${binary} is Node ${version || '(does not run)'}, code-server ${CODE_SERVER_VERSION} needs Node ${REQUIRED_NODE_MAJOR}: run "npm install" in ${repoRoot}.`,
    );
  }
  return binary;
}

/** Debian's chromium, which Playwright drives (no browser download). */
function chromiumPath() {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new MissingPrerequisiteError(
      `Chromium not found at ${CHROMIUM_PATH}: install the Debian package chromium (${systemPackages.installCommand(['chromium'])}).`,
    );
  }
  return CHROMIUM_PATH;
}

/** Fails early, naming the Debian packages (from the one list in system-packages.js), for what the native module builds need. */
function checkBuildPrerequisites() {
  const missing = systemPackages.missingFor(['test host']).map((pkg) => pkg.name);
  if (missing.length > 0) {
    throw new MissingPrerequisiteError(
      `code-server's native modules cannot be built: install the Debian package(s) ${missing.join(', ')} ` + `(${systemPackages.installCommand(missing)}).`,
    );
  }
}

/**
 * Node's own headers (include/node): from the package the `node` devDependency installs beside its
 * binary or, when a later `npm install` has pruned that package, from the same package on the registry.
 */
function withNodeHeaders(version, use) {
  const packageName = `node-${process.platform}-${process.arch}`;
  const bundled = path.join(repoRoot, 'node_modules', 'node', 'node_modules', packageName, 'include', 'node');
  if (fs.existsSync(path.join(bundled, 'node.h'))) return use(bundled);
  const download = fs.mkdtempSync(path.join(cacheRoot, 'node-package-'));
  try {
    const pack = spawnSync('npm', ['pack', `${packageName}@${version}`, '--silent'], { cwd: download, encoding: 'utf8' });
    const tarball = (pack.stdout || '').trim().split('\n').pop();
    const unpack = tarball && spawnSync('tar', ['-xzf', tarball, 'package/include/node'], { cwd: download, encoding: 'utf8' });
    const headers = path.join(download, 'package', 'include', 'node');
    if (pack.status !== 0 || !unpack || unpack.status !== 0 || !fs.existsSync(path.join(headers, 'node.h'))) {
      throw new Error(`Node ${version} headers are neither in ${bundled} nor fetchable with "npm pack ${packageName}@${version}": ${pack.stderr || ''}${unpack ? unpack.stderr : ''}`);
    }
    return use(headers);
  } finally {
    fs.rmSync(download, { recursive: true, force: true });
  }
}

/**
 * A node-gyp "nodedir" for Node 24: include/node plus common.gypi and config.gypi at its root.
 * Needed because ~/.npmrc may point node-gyp at the system Node 20 headers (nodedir=/usr).
 */
function prepareNodeHeaders(nodeBinary) {
  const version = spawnSync(nodeBinary, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();
  const headersDir = path.join(cacheRoot, `node-headers-v${version}`);
  // config.gypi is copied last: with it there, the folder is complete.
  if (fs.existsSync(path.join(headersDir, 'config.gypi'))) return headersDir;

  fs.rmSync(headersDir, { recursive: true, force: true });
  withNodeHeaders(version, (source) => {
    fs.mkdirSync(path.join(headersDir, 'include'), { recursive: true });
    fs.cpSync(source, path.join(headersDir, 'include', 'node'), { recursive: true });
    for (const gypi of ['common.gypi', 'config.gypi']) {
      fs.copyFileSync(path.join(source, gypi), path.join(headersDir, gypi));
    }
  });
  return headersDir;
}

/** The environment of the install: Node 24 first on PATH, no npm settings leaking in from an outer `npm run`. */
function installEnvironment(nodeBinary, headersDir) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key)) env[key] = value;
  }
  const npmVersion = spawnSync('npm', ['--version'], { encoding: 'utf8' }).stdout.trim() || '11';
  const nodeVersion = spawnSync(nodeBinary, ['-p', 'process.version'], { encoding: 'utf8' }).stdout.trim();
  env.PATH = `${path.dirname(nodeBinary)}${path.delimiter}${process.env.PATH || ''}`;
  env.npm_config_nodedir = headersDir;
  env.npm_config_user_agent = `npm/${npmVersion} node/${nodeVersion} ${process.platform} ${process.arch}`;
  env.npm_config_fund = 'false';
  env.npm_config_audit = 'false';
  env.npm_config_update_notifier = 'false';
  // npm running on the Node 24 binary would look for the machine's global npmrc (registry, cafile of
  // a TLS-inspecting proxy) next to that binary: keep the one the machine's npm uses.
  const globalConfig = process.env.npm_config_globalconfig || spawnSync('npm', ['config', 'get', 'globalconfig'], { encoding: 'utf8' }).stdout.trim();
  if (globalConfig) env.npm_config_globalconfig = globalConfig;
  return env;
}

/** A process and everything it started (npm runs node-gyp, which runs make and g++). */
function processTree(pid) {
  const children = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).stdout || '';
  return [pid, ...children.split('\n').filter((line) => line.trim()).flatMap((child) => processTree(Number(child)))];
}

function killTree(pid) {
  for (const member of processTree(pid)) {
    try {
      process.kill(member, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

function appendLog(text) {
  fs.appendFileSync(logFile, text);
}

/** Runs one install step, its output to the log file, with a heartbeat so a long build does not look hung. */
function runStep(label, command, args, options, timeoutMs, report) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    report(`code-server: ${label}…`);
    appendLog(`\n$ (${options.cwd}) ${command} ${args.join(' ')}\n`);
    const out = fs.openSync(logFile, 'a');
    // Not detached: whoever kills our process group (a test runner's timeout, Ctrl+C) stops the build too.
    const child = spawn(command, args, { ...options, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    let heartbeat;
    const beat = () => {
      heartbeat = setTimeout(() => {
        report(`code-server: still ${label.toLowerCase()} (${Math.round((Date.now() - started) / 1000)} s)…`);
        beat();
      }, 30000);
    };
    beat();
    let timedOut = false;
    const killer = setTimeout(() => {
      timedOut = true;
      killTree(child.pid);
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(heartbeat);
      clearTimeout(killer);
      reject(new Error(`code-server install: could not start ${command}: ${error.message}`));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(heartbeat);
      clearTimeout(killer);
      const seconds = Math.round((Date.now() - started) / 1000);
      if (code === 0) {
        report(`code-server: ${label} done in ${seconds} s`);
        resolve();
      } else {
        const how = timedOut ? `did not finish within ${timeoutMs / 60000} minutes` : `failed (${signal || `exit code ${code}`}) after ${seconds} s`;
        reject(new Error(`code-server install: "${label}" ${how}.`));
      }
    });
  });
}

/** Turns a failed build's log into the Debian package to install, when the log shows which one. */
function explainFailure(error) {
  const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
  const hints = [
    [/gssapi\/gssapi\.h|krb5-config: not found/, 'install the Debian package libkrb5-dev'],
    [/gyp ERR!.*(python|Python)/, 'install the Debian package python3'],
    [/make: not found|not found: make/, 'install the Debian packages make and g++'],
    [/g\+\+: not found|c\+\+: not found/, 'install the Debian package g++'],
    [/ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/, 'the npm registry could not be reached'],
  ];
  const hint = hints.find(([pattern]) => pattern.test(log));
  const tail = log.split('\n').slice(-25).join('\n');
  const message = `${error.message}${hint ? ` Likely cause: ${hint[1]}.` : ''}\nFull log: ${logFile}\nLast lines:\n${tail}`;
  return hint && hint[1].startsWith('install') ? new MissingPrerequisiteError(message) : new Error(message);
}

async function installOnce(report) {
  checkBuildPrerequisites();
  const nodeBinary = node24Path();
  const headersDir = prepareNodeHeaders(nodeBinary);
  const env = installEnvironment(nodeBinary, headersDir);

  fs.rmSync(installDir, { recursive: true, force: true });
  fs.mkdirSync(installDir, { recursive: true });
  // Its own package.json, or npm would climb up and install into the repository's node_modules.
  fs.writeFileSync(path.join(installDir, 'package.json'), JSON.stringify({ name: 'vscode-test-host', private: true }, null, 2));
  fs.writeFileSync(logFile, `code-server ${CODE_SERVER_VERSION} install, ${new Date().toISOString()}\n`);

  await runStep(
    `Downloading code-server ${CODE_SERVER_VERSION}`,
    'npm',
    ['install', `code-server@${CODE_SERVER_VERSION}`, '--ignore-scripts', '--no-save', '--no-package-lock', '--fetch-timeout=60000'],
    { cwd: installDir, env },
    DOWNLOAD_TIMEOUT_MS,
    report,
  );
  await runStep(
    'Building its native modules',
    'sh',
    ['postinstall.sh'],
    { cwd: packageDir, env },
    BUILD_TIMEOUT_MS,
    report,
  );
  const entry = path.join(packageDir, 'out', 'node', 'entry.js');
  if (!fs.existsSync(entry)) throw new Error(`code-server install finished but ${entry} is missing.`);
  fs.writeFileSync(markerFile, JSON.stringify({ version: CODE_SERVER_VERSION, node: env.npm_config_user_agent, installedAt: new Date().toISOString() }));
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid in the lock; 0 while the other installer has not written it yet or has just released it. */
function lockOwner() {
  try {
    return Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8')) || 0;
  } catch {
    return 0;
  }
}

function lockAgeMs() {
  try {
    return Date.now() - fs.statSync(lockDir).mtimeMs;
  } catch {
    return 0;
  }
}

/** One installer at a time; a lock left by a dead process is taken over. */
async function withInstallLock(report, work) {
  fs.mkdirSync(cacheRoot, { recursive: true });
  const deadline = Date.now() + ATTEMPTS * (DOWNLOAD_TIMEOUT_MS + BUILD_TIMEOUT_MS);
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const owner = lockOwner();
      if (owner ? !processAlive(owner) : lockAgeMs() > 10000) {
        fs.rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`code-server install: another install (pid ${owner}) holds ${lockDir} for too long.`);
      if (owner) report(`code-server: waiting for another install (pid ${owner}) to finish…`);
      await new Promise((resolve) => setTimeout(resolve, owner ? 5000 : 500));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

function isInstalled() {
  return fs.existsSync(markerFile) && fs.existsSync(path.join(packageDir, 'out', 'node', 'entry.js'));
}

/**
 * Installs code-server once (cached under .vscode-test/) and returns the folder of its package
 * (`<dir>/out/node/entry.js` is what to run with Node 24).
 */
async function ensureCodeServer(options = {}) {
  const report = options.report || ((line) => console.log(line));
  if (isInstalled()) return packageDir;
  return withInstallLock(report, async () => {
    if (isInstalled()) return packageDir;
    report(`code-server: installing ${CODE_SERVER_VERSION} into ${installDir} (first run only, about 3 minutes on 2 cores; log: ${logFile})`);
    for (let attempt = 1; ; attempt += 1) {
      try {
        await installOnce(report);
        report(`code-server: ${CODE_SERVER_VERSION} ready in ${packageDir}`);
        return packageDir;
      } catch (error) {
        // A half install must never look complete to the next run.
        fs.rmSync(installDir, { recursive: true, force: true });
        const failure = error instanceof MissingPrerequisiteError ? error : explainFailure(error);
        if (failure instanceof MissingPrerequisiteError || attempt >= ATTEMPTS) throw failure;
        report(`code-server: install failed, cleaning up and retrying (attempt ${attempt + 1} of ${ATTEMPTS}): ${error.message}`);
      }
    }
  });
}

module.exports = {
  CODE_SERVER_VERSION,
  ensureCodeServer,
  node24Path,
  chromiumPath,
};

if (require.main === module) {
  ensureCodeServer()
    .then((dir) => {
      chromiumPath();
      console.log(dir);
    })
    .catch((error) => {
      console.error(`✖ ${error.message}`);
      process.exit(1);
    });
}
