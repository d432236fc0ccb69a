// Starts a real VS Code (code-server) on loopback for tests and the demo, and stops it with
// every process it started.
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { ensureCodeServer, node24Path } from './installer';
import { killOnExit, stopTree } from './processes';

export interface CodeServerOptions {
  /** The folder the workbench opens. */
  folder: string;
  /** Default: a fresh folder, removed on stop. */
  extensionsDir?: string;
  /** Default: a fresh folder, removed on stop (VS Code's logs live in it: see `logsDir`). */
  userDataDir?: string;
  /** Added to the server's environment, which the extension host inherits; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** Written to `<userDataDir>/User/settings.json`. */
  settings?: Record<string, unknown>;
  /** A packaged extension to install (with `--install-extension`) before the server starts. */
  installVsix?: string;
  /** Lets the page's `payload` run extension tests (`extensionTestsPath`); ignored by VS Code without it. */
  smokeTestDriver?: boolean;
  /** Default: a free port. */
  port?: number;
  /** Makes the server exit by itself after this long with no browser connected (more than 60): a safety net if its parent is killed. */
  exitWhenIdleSeconds?: number;
  /** Names the temporary folders, for whoever reads them after a failure. */
  name?: string;
  /** Runs after the extension is installed and before the server starts (e.g. to add translations to it). */
  prepare?: (dirs: { extensionsDir: string; userDataDir: string }) => void;
  /** VS Code's display language (`--locale`), e.g. `qps-ploc` for the pseudo-translation; default English. */
  locale?: string;
}

export interface CodeServer {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  port: number;
  folder: string;
  userDataDir: string;
  extensionsDir: string;
  /** VS Code's own logs (server, extension host, the extension's output channels). */
  logsDir: string;
  /** code-server's stdout and stderr. */
  logFile: string;
  /** The workbench address for this folder, with an optional smoke-test-driver payload. */
  workbenchUrl(payload?: Array<[string, string]>): string;
  /** Stops the server and everything it started; removes the folders it created unless `keepFiles`. */
  stop(options?: { keepFiles?: boolean }): Promise<void>;
}

const startTimeoutMs = 30_000;
const installExtensionTimeoutMs = 120_000;

/** Settings that keep the workbench quiet, so tests see only what the extension does. */
const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.reduceMotion': 'on',
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function serverEnvironment(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Started from a VS Code terminal, code-server would hand the folder to that window instead.
  for (const key of Object.keys(env)) {
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
  }
  env.PATH = `${path.dirname(node24Path())}${path.delimiter}${env.PATH ?? ''}`;
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

function tail(file: string, lines = 30): string {
  if (!fs.existsSync(file)) return '(no output)';
  return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

function installExtension(entry: string, vsix: string, dirs: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(node24Path(), [entry, ...dirs, '--install-extension', vsix, '--force'], {
    env,
    encoding: 'utf8',
    timeout: installExtensionTimeoutMs,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (result.error || result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(
      `code-server could not install ${vsix} (${result.error?.message ?? `exit code ${result.status}`}):\n${output}`,
    );
  }
}

function get(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
    request.on('timeout', () => request.destroy());
  });
}

async function waitUntilAnswering(url: string, exited: () => string | undefined, logFile: string): Promise<void> {
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    const exit = exited();
    if (exit) throw new Error(`code-server stopped while starting (${exit}). Its output:\n${tail(logFile)}`);
    if ((await get(`${url}healthz`)) === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer on ${url} within ${startTimeoutMs / 1000} s. Its output:\n${tail(logFile)}`);
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const packageDir = await ensureCodeServer();
  const entry = path.join(packageDir, 'out', 'node', 'entry.js');
  const sessionDir = fs.mkdtempSync(path.join(os.tmpdir(), `azvpn-${options.name ?? 'code-server'}-`));
  const userDataDir = options.userDataDir ?? path.join(sessionDir, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(sessionDir, 'extensions');
  const logFile = path.join(sessionDir, 'code-server.log');
  const configFile = path.join(sessionDir, 'config.yaml');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...quietSettings, ...options.settings }, null, 2),
  );
  // Its own config file, or code-server would create ~/.config/code-server/config.yaml with a password.
  fs.writeFileSync(configFile, 'auth: none\n');

  // VS Code leaves a socket per extension host in the temp folder: keep them in the session's.
  const tmpDir = path.join(sessionDir, 'tmp');
  fs.mkdirSync(tmpDir);
  const env = serverEnvironment({ TMPDIR: tmpDir, ...options.env });
  const dirs = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  if (options.installVsix) installExtension(entry, options.installVsix, dirs, env);
  options.prepare?.({ extensionsDir, userDataDir });

  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}/`;
  const args = [
    entry,
    ...dirs,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...(options.exitWhenIdleSeconds ? ['--idle-timeout-seconds', String(options.exitWhenIdleSeconds)] : []),
    ...(options.locale ? ['--locale', options.locale] : []),
    options.folder,
  ];
  const out = fs.openSync(logFile, 'a');
  // Not detached: it stays in our process group, so whoever kills the test run's group kills it too.
  const child = spawn(node24Path(), args, { env, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const forget = killOnExit(child.pid!);
  let exit: string | undefined;
  child.on('exit', (code, signal) => {
    exit = signal ? `signal ${signal}` : `exit code ${code}`;
  });
  child.on('error', (error) => {
    exit = error.message;
  });

  let stopped = false;
  const stop = async ({ keepFiles = false } = {}): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await stopTree(child.pid!);
    forget();
    if (!keepFiles) fs.rmSync(sessionDir, { recursive: true, force: true });
  };

  try {
    await waitUntilAnswering(url, () => exit, logFile);
  } catch (error) {
    await stop({ keepFiles: true });
    throw error;
  }

  return {
    url,
    port,
    folder: options.folder,
    userDataDir,
    extensionsDir,
    logsDir: path.join(userDataDir, 'logs'),
    logFile,
    workbenchUrl(payload) {
      const query = new URLSearchParams({ folder: options.folder });
      if (payload) query.set('payload', JSON.stringify(payload));
      return `${url}?${query.toString()}`;
    },
    stop,
  };
}
