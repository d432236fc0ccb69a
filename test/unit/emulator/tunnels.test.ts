// Simulated tunnels: statuses follow the keys of both halves of a VNet-to-VNet pair and of the
// simulated on-premises devices; a matching pair is Connecting for connectDelayMs, then Connected;
// byte counters grow only while Connected. Keys are compared, never printed.
import * as assert from 'assert';
import { LAB_SUBSCRIPTION_ID, PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/defaultData';
import { connectionPath, PROD_GROUP, TestEmulator } from './armClient';

const ZURICH = 'rg-Zürich-vpn';
const LAB = 'rg-lab.vpn-eastus';

interface Place {
  name: string;
  group: string;
  sub: string;
}

const prod = (name: string, group = PROD_GROUP): Place => ({ name, group, sub: PRODUCTION_SUBSCRIPTION_ID });
const lab = (name: string): Place => ({ name, group: LAB, sub: LAB_SUBSCRIPTION_ID });

async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('emulator: simulated tunnels', function () {
  this.timeout(20_000);
  const emulator = TestEmulator.inSuite({ connectDelayMs: 600 });

  const read = async (at: Place) => (await emulator.request('GET', connectionPath(at.name, '', at.group, at.sub))).body.properties;
  const status = async (at: Place) => (await read(at)).connectionStatus as string;
  const statuses = (...places: Place[]) => Promise.all(places.map(status));
  const keyOf = async (at: Place) => (await emulator.control.connection(at.sub, at.group, at.name)).properties.sharedKey as string;
  const setKey = async (at: Place, value: string) => {
    const started = await emulator.request('PUT', connectionPath(at.name, '/sharedkey', at.group, at.sub), { body: { value } });
    assert.strictEqual((await emulator.waitForOperation(String(started.headers['azure-asyncoperation']))).body.status, 'Succeeded');
  };

  const zurichHalf = prod('cn-prod-we-zurich');
  const prodHalf = prod('cn-zrh-prod-we', ZURICH);

  it('starts with statuses that follow the keys of the default data', async () => {
    const expected: Array<[Place, string]> = [
      [prod('cn-prod-we-paris'), 'Connected'],
      [prod('cn-prod-we-lyon'), 'Connecting'],
      [prod('cn-prod-we-frankfurt-cert'), 'Connected'],
      [zurichHalf, 'Connected'],
      [prodHalf, 'Connected'],
      [prod('cn-zrh-geneva', ZURICH), 'NotConnected'],
      [prod('cn-zrh-lab-eus', ZURICH), 'Connected'],
      [lab('cn-lab-eus-zrh'), 'Connected'],
      [lab('cn-lab-home'), 'Unknown'],
      [lab('cn-lab-fabrikam'), 'Connected'],
      [lab('cn-lab-eus-staging'), 'NotConnected'],
      [lab('cn-lab-staging-eus'), 'NotConnected'],
      [lab('cn-lab-staging-idle'), 'NotConnected'],
    ];
    assert.deepStrictEqual(await statuses(...expected.map(([at]) => at)), expected.map(([, s]) => s));
    assert.ok((await keyOf(prod('cn-zrh-lab-eus', ZURICH))) === (await keyOf(lab('cn-lab-eus-zrh'))), 'the pair across subscriptions holds one key');
    assert.ok((await keyOf(lab('cn-lab-eus-staging'))) !== (await keyOf(lab('cn-lab-staging-eus'))), 'the mismatched pair holds two keys');
  });

  it('drops a pair at once when one half gets a new key, and brings it up after the delay when the other half has it too', async () => {
    await setKey(zurichHalf, 'Rotated-Pair-Key-1');
    assert.deepStrictEqual(await statuses(zurichHalf, prodHalf), ['NotConnected', 'NotConnected']);
    await setKey(prodHalf, 'Rotated-Pair-Key-1');
    assert.deepStrictEqual(await statuses(zurichHalf, prodHalf), ['Connecting', 'Connecting']);
    await eventually('both halves Connected', async () => (await statuses(zurichHalf, prodHalf)).every((s) => s === 'Connected'));
  });

  it('pairs across subscriptions, and takes the pair down on both sides when one half changes', async () => {
    const labHalf = lab('cn-lab-eus-zrh');
    await setKey(labHalf, 'Lab-Only-Key');
    assert.deepStrictEqual(await statuses(labHalf, prod('cn-zrh-lab-eus', ZURICH)), ['NotConnected', 'NotConnected']);
  });

  it('takes the other half down when one half is deleted', async () => {
    const started = await emulator.request('DELETE', connectionPath(prodHalf.name, '', ZURICH));
    await emulator.waitForOperation(String(started.headers['azure-asyncoperation']));
    assert.strictEqual((await emulator.request('GET', connectionPath(prodHalf.name, '', ZURICH))).status, 404);
    assert.strictEqual(await status(zurichHalf), 'NotConnected');
  });

  it('follows the on-premises device of an IPsec connection: its key, whether it answers, whether there is one', async () => {
    const geneva = prod('cn-zrh-geneva', ZURICH);
    const before = await emulator.control.device(PRODUCTION_SUBSCRIPTION_ID, ZURICH, 'lgw-geneva-office');
    assert.deepStrictEqual(before.connections.map((c) => [c.id.split('/').pop(), c.connectionStatus, c.sharedKeyMatches]), [['cn-zrh-geneva', 'NotConnected', false]]);

    const updated = await emulator.control.setDevice(PRODUCTION_SUBSCRIPTION_ID, ZURICH, 'lgw-geneva-office', { sharedKey: await keyOf(geneva) });
    assert.deepStrictEqual(updated.connections.map((c) => [c.connectionStatus, c.sharedKeyMatches]), [['Connecting', true]]);
    await eventually('Geneva Connected', async () => (await status(geneva)) === 'Connected');

    await emulator.control.setDevice(PRODUCTION_SUBSCRIPTION_ID, ZURICH, 'lgw-geneva-office', { sharedKey: await keyOf(geneva), reachable: false });
    assert.strictEqual(await status(geneva), 'Connecting', 'a device that does not answer');
    await emulator.control.setDevice(PRODUCTION_SUBSCRIPTION_ID, ZURICH, 'lgw-geneva-office', { sharedKey: 'Not-The-Key' });
    assert.strictEqual(await status(geneva), 'NotConnected');
    await emulator.control.removeDevice(PRODUCTION_SUBSCRIPTION_ID, ZURICH, 'lgw-geneva-office');
    assert.strictEqual(await status(geneva), 'Unknown', 'no device simulated');
    assert.strictEqual((await emulator.control.device(PRODUCTION_SUBSCRIPTION_ID, ZURICH, 'lgw-geneva-office')).device, null);
  });

  it('drops an IPsec tunnel at once when Azure gets a key the device does not hold', async () => {
    const paris = prod('cn-prod-we-paris');
    await setKey(paris, 'Azure-Side-Only');
    assert.strictEqual(await status(paris), 'NotConnected');
    await emulator.control.setDevice(PRODUCTION_SUBSCRIPTION_ID, PROD_GROUP, 'lgw-paris-office', { sharedKey: 'Azure-Side-Only' });
    assert.strictEqual(await status(paris), 'Connecting');
    await eventually('Paris Connected again', async () => (await status(paris)) === 'Connected');
  });

  it('refuses a device it cannot use and a local network gateway that does not exist', async () => {
    for (const bad of [{ sharedKey: '' }, { sharedKey: 7 }, { reachable: 'no' }, { colour: 'blue' }]) {
      await assert.rejects(emulator.control.setDevice(PRODUCTION_SUBSCRIPTION_ID, PROD_GROUP, 'lgw-paris-office', bad as never), (e: { status?: number }) => e.status === 400);
    }
    await assert.rejects(emulator.control.device(PRODUCTION_SUBSCRIPTION_ID, PROD_GROUP, 'lgw-nowhere'), (e: { status?: number }) => e.status === 404);
  });

  it('counts bytes while Connected, in total and per tunnel, and keeps them when the tunnel drops', async () => {
    const paris = prod('cn-prod-we-paris');
    const first = await read(paris);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const second = await read(paris);
    assert.ok(second.ingressBytesTransferred > first.ingressBytesTransferred && second.egressBytesTransferred > first.egressBytesTransferred);
    assert.strictEqual(second.tunnelConnectionStatus.length, 2);
    second.tunnelConnectionStatus.forEach((tunnel: { ingressBytesTransferred: number; connectionStatus: string }, i: number) => {
      assert.ok(tunnel.ingressBytesTransferred > first.tunnelConnectionStatus[i].ingressBytesTransferred, `tunnel ${i}`);
      assert.strictEqual(tunnel.connectionStatus, 'Connected');
    });

    await emulator.control.setDevice(PRODUCTION_SUBSCRIPTION_ID, PROD_GROUP, 'lgw-paris-office', { sharedKey: 'Another-Key' });
    const dropped = await read(paris);
    assert.ok(dropped.ingressBytesTransferred >= second.ingressBytesTransferred, 'counters never go back');
    assert.deepStrictEqual(dropped.tunnelConnectionStatus.map((t: { connectionStatus: string }) => t.connectionStatus), ['NotConnected', 'NotConnected']);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.strictEqual((await read(paris)).ingressBytesTransferred, dropped.ingressBytesTransferred, 'no traffic while NotConnected');
  });

  it('shows the live status and counters in the gateway list and the control API too', async () => {
    await setKey(zurichHalf, 'Rotated-Pair-Key-2');
    const list = await emulator.request('GET', `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourceGroups/${encodeURIComponent(ZURICH)}/providers/Microsoft.Network/virtualNetworkGateways/vgw-zrh-01/connections`);
    const listed = list.body.value.find((c: { name: string }) => c.name === prodHalf.name);
    assert.strictEqual(listed.properties.connectionStatus, 'NotConnected');
    assert.strictEqual((await emulator.control.connection(PRODUCTION_SUBSCRIPTION_ID, ZURICH, prodHalf.name)).properties.connectionStatus, 'NotConnected');
  });

  it('takes connectDelayMs from POST /_emulator/config', async () => {
    assert.strictEqual((await emulator.control.setConfig({ connectDelayMs: 0 })).connectDelayMs, 0);
    await setKey(zurichHalf, 'Rotated-Pair-Key-3');
    await setKey(prodHalf, 'Rotated-Pair-Key-3');
    assert.deepStrictEqual(await statuses(zurichHalf, prodHalf), ['Connected', 'Connected']);
  });
});
