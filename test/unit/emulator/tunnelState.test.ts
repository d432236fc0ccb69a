// Tunnels in state files and generated fleets: device keys survive a save and a restart, gateway
// ids pair whatever their casing, and a fleet's statuses follow its devices.
import * as assert from 'assert';
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultState, PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/defaultData';
import { startEmulator } from '../../emulator/server';
import type { StateFile } from '../../emulator/types';
import { connectionPath, PROD_GROUP, TestEmulator } from './armClient';

const ZURICH = 'rg-Zürich-vpn';

function writeState(state: StateFile): string {
  const file = path.join(os.tmpdir(), `emulator-tunnels-${randomUUID()}.json`);
  fs.writeFileSync(file, JSON.stringify(state));
  return file;
}

async function statusIn(emulator: TestEmulator, name: string, group = PROD_GROUP, sub = PRODUCTION_SUBSCRIPTION_ID): Promise<string> {
  return (await emulator.request('GET', connectionPath(name, '', group, sub))).body.properties.connectionStatus;
}

describe('emulator: tunnels in state files and fleets', function () {
  this.timeout(20_000);
  const files: string[] = [];
  after(() => files.forEach((f) => fs.rmSync(f, { force: true })));

  async function serve(state: StateFile, run: (emulator: TestEmulator) => Promise<void>): Promise<void> {
    const file = writeState(state);
    files.push(file);
    const running = await startEmulator({ stateFile: file, quiet: true, lroMs: 50, connectDelayMs: 0 });
    const emulator = TestEmulator.attach(running);
    try {
      await run(emulator);
    } finally {
      await emulator.close();
    }
  }

  it('keeps device keys through GET /_emulator/state and a restart from the saved file', async () => {
    let saved: StateFile | undefined;
    await serve(defaultState(), async (emulator) => {
      await emulator.control.setDevice(PRODUCTION_SUBSCRIPTION_ID, ZURICH, 'lgw-geneva-office', { sharedKey: 'Saved-Device-Key' });
      saved = await emulator.control.state();
    });
    const geneva = saved!.subscriptions[0].resourceGroups.find((g) => g.name === ZURICH)!.localNetworkGateways.find((l) => l.name === 'lgw-geneva-office')!;
    assert.ok(geneva.device?.sharedKey === 'Saved-Device-Key', 'the device key is in the saved state');
    assert.ok(!('device' in geneva.properties), 'outside properties');
    await serve(saved!, async (emulator) => {
      const record = await emulator.control.device(PRODUCTION_SUBSCRIPTION_ID, ZURICH, 'lgw-geneva-office');
      assert.ok(record.device?.sharedKey === 'Saved-Device-Key', 'the device key is back after the restart');
      const lyon = await emulator.control.device(PRODUCTION_SUBSCRIPTION_ID, PROD_GROUP, 'lgw-lyon-office');
      assert.strictEqual(lyon.device?.reachable, false);
      const local = await emulator.request('GET', `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourceGroups/${encodeURIComponent(ZURICH)}/providers/Microsoft.Network/localNetworkGateways/lgw-geneva-office`);
      assert.ok(!local.text.includes('Saved-Device-Key') && !('device' in local.body), 'never shown by ARM');
    });
  });

  it('pairs halves whose gateway ids differ in casing', async () => {
    const state = defaultState();
    const zurich = state.subscriptions[0].resourceGroups.find((g) => g.name === ZURICH)!;
    const half = zurich.connections.find((c) => c.name === 'cn-zrh-prod-we')!.properties as Record<string, { id: string }>;
    half.virtualNetworkGateway1 = { id: half.virtualNetworkGateway1.id.toUpperCase() };
    half.virtualNetworkGateway2 = { id: half.virtualNetworkGateway2.id.toLowerCase() };
    await serve(state, async (emulator) => {
      assert.deepStrictEqual([await statusIn(emulator, 'cn-prod-we-zurich'), await statusIn(emulator, 'cn-zrh-prod-we', ZURICH)], ['Connected', 'Connected']);
      const started = await emulator.request('PUT', connectionPath('cn-zrh-prod-we', '/sharedkey', ZURICH), { body: { value: 'Only-This-Half' } });
      await emulator.waitForOperation(String(started.headers['azure-asyncoperation']));
      assert.strictEqual(await statusIn(emulator, 'cn-prod-we-zurich'), 'NotConnected', 'the other half saw the change');
    });
  });

  it('refuses a malformed device in a state file, naming its place', async () => {
    const state = defaultState();
    state.subscriptions[0].resourceGroups[0].localNetworkGateways[0].device = { sharedKey: 42 as never };
    const file = writeState(state);
    files.push(file);
    await assert.rejects(startEmulator({ stateFile: file, quiet: true }), /subscriptions\[0\]\.resourceGroups\[0\]\.localNetworkGateways\[0\]\.device\.sharedKey/);
  });

  it('gives a generated fleet the statuses its devices make: Connected, Connected, Connecting, NotConnected, Unknown', async () => {
    const running = await startEmulator({ fleet: '1x1x1x5', quiet: true });
    const emulator = TestEmulator.attach(running);
    try {
      const [sub] = (await emulator.control.state()).subscriptions;
      const [group] = sub.resourceGroups;
      const statuses = [];
      for (const c of group.connections) statuses.push(await statusIn(emulator, c.name, group.name, sub.subscriptionId));
      assert.deepStrictEqual(statuses, ['Connected', 'Connected', 'Connecting', 'NotConnected', 'Unknown']);
    } finally {
      await emulator.close();
    }
  });
});
