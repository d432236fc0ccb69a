// The command line: `node out/test/emulator/cli.js …` (what `npm run emulator --` runs) prints its
// EmulatorInfo as the first stdout line, serves, and stops on SIGINT.
import * as assert from 'assert';
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as readline from 'readline';
import { defaultState, PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/defaultData';
import type { EmulatorInfo } from '../../emulator/types';
import { TestEmulator } from './armClient';

const CLI = path.resolve(__dirname, '../../emulator/cli.js');

interface CliRun {
  child: ChildProcess;
  info: EmulatorInfo;
  emulator: TestEmulator;
  exited: Promise<number | null>;
}

function startCli(args: string[]): Promise<CliRun> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += c));
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      const info = JSON.parse(line) as EmulatorInfo;
      resolve({ child, info, exited, emulator: TestEmulator.attach({ info, url: info.resourceManagerEndpoint, close: async () => undefined }) });
    });
    void exited.then((code) => reject(new Error(`the emulator exited (${code}) before printing its info: ${stderr}`)));
  });
}

async function stop(run: CliRun): Promise<number | null> {
  await run.emulator.close();
  run.child.kill('SIGINT');
  return run.exited;
}

describe('emulator: command line', function () {
  this.timeout(30_000);

  it('prints the EmulatorInfo JSON first, serves, and stops with exit code 0 on SIGINT', async () => {
    const run = await startCli(['--port', '0', '--lro-ms', '100', '--connect-delay-ms', '250', '--quiet']);
    assert.match(run.info.resourceManagerEndpoint, /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.strictEqual(run.info.authorityHost, run.info.resourceManagerEndpoint);
    assert.ok(path.isAbsolute(run.info.caFile) && fs.existsSync(run.info.caFile));
    for (const key of ['resourceManagerAudience', 'tenantId', 'clientId', 'clientSecret', 'readerClientId', 'readerClientSecret'] as const) {
      assert.ok(run.info[key], key);
    }
    const subs = await run.emulator.request('GET', '/subscriptions', { apiVersion: '2022-12-01' });
    assert.strictEqual(subs.body.value.length, 2);
    assert.strictEqual((await run.emulator.control.setConfig({})).connectDelayMs, 250);
    assert.strictEqual(await stop(run), 0);
  });

  it('serves a generated fleet of 500 subscriptions', async () => {
    const run = await startCli(['--fleet', '500x2x1x1', '--page-size', '100', '--quiet']);
    try {
      let next: string | undefined = '/subscriptions';
      let count = 0;
      while (next) {
        const page = await run.emulator.request('GET', next, { apiVersion: '2022-12-01' });
        count += page.body.value.length;
        next = page.body.nextLink;
      }
      assert.strictEqual(count, 500);
      const state = await run.emulator.control.state();
      const last = state.subscriptions[499];
      assert.deepStrictEqual(
        [last.resourceGroups.length, last.resourceGroups[1].virtualNetworkGateways.length, last.resourceGroups[1].connections.length],
        [2, 1, 1],
      );
    } finally {
      await stop(run);
    }
  });

  it('serves the world of a state file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-cli-'));
    const state = defaultState();
    state.subscriptions[0].resourceGroups = state.subscriptions[0].resourceGroups.filter((g) => g.name === 'rg-Zürich-vpn');
    fs.writeFileSync(path.join(dir, 'state.json'), JSON.stringify(state));
    const run = await startCli(['--state', path.join(dir, 'state.json'), '--quiet']);
    try {
      const groups = await run.emulator.request('GET', `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourcegroups`, { apiVersion: '2025-04-01' });
      assert.deepStrictEqual(groups.body.value.map((g: { name: string }) => g.name), ['rg-Zürich-vpn']);
    } finally {
      await stop(run);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses unknown options and malformed state files with exit code 1 and a message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-cli-'));
    fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ tenants: [], subscriptions: [] }));
    try {
      for (const args of [['--colour', 'blue'], ['--fleet', '10x2'], ['--state', path.join(dir, 'bad.json')]]) {
        const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (c) => (stdout += c));
        child.stderr.on('data', (c) => (stderr += c));
        const code = await new Promise((resolve) => child.once('exit', resolve));
        assert.deepStrictEqual([code, stdout], [1, ''], args.join(' '));
        assert.match(stderr, /^emulator: /, args.join(' '));
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
