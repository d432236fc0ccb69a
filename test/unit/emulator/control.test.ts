// The control API and run-time configuration: state, reset, the request log, tokens, throttling
// and latency.
import * as assert from 'assert';
import { PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/defaultData';
import { connectionPath, PROD_GROUP, TestEmulator } from './armClient';

describe('emulator: control API and configuration', function () {
  this.timeout(20_000);
  const emulator = TestEmulator.inSuite();

  const paris = connectionPath('cn-prod-we-paris');

  it('shows the whole state with keys, and one connection with its current provisioningState', async () => {
    const state = await emulator.control.state();
    assert.deepStrictEqual(state.subscriptions.map((s) => s.resourceGroups.length), [3, 3]);
    const stored = state.subscriptions[0].resourceGroups[0].connections.find((c) => c.name === 'cn-prod-we-paris')!;
    assert.strictEqual(typeof stored.properties.sharedKey, 'string');
    const one = await emulator.control.connection(PRODUCTION_SUBSCRIPTION_ID, PROD_GROUP, 'cn-prod-we-paris');
    assert.ok(one.properties.sharedKey === stored.properties.sharedKey, 'the same key both ways');
    assert.strictEqual(one.properties.provisioningState, 'Succeeded');
  });

  it('resets to the initial data and configuration, and clears faults and the request log', async () => {
    const before = await emulator.storedKey('cn-prod-we-paris');
    await emulator.control.setConfig({ pageSize: 1, lroMs: 10 });
    const started = await emulator.request('PUT', connectionPath('cn-prod-we-paris', '/sharedkey'), { body: { value: 'changed-key' } });
    await emulator.waitForOperation(String(started.headers['azure-asyncoperation']));
    await emulator.control.addFault({ pathPattern: 'x', status: 500 });
    assert.ok((await emulator.storedKey('cn-prod-we-paris')) === 'changed-key');

    await emulator.control.reset();
    assert.ok((await emulator.storedKey('cn-prod-we-paris')) === before, 'the initial key is back');
    assert.deepStrictEqual(await emulator.control.faults(), []);
    assert.deepStrictEqual(await emulator.control.requests(), []);
    assert.strictEqual((await emulator.control.setConfig({})).pageSize, 50);
  });

  it('logs method, path, status and time of every request, and never a key', async () => {
    const key = await emulator.storedKey('cn-prod-we-paris');
    await emulator.request('GET', connectionPath('cn-prod-we-paris', '/sharedkey'));
    await emulator.request('GET', connectionPath('cn-missing'));
    const log = await emulator.control.requests();
    assert.deepStrictEqual(
      log.map((r) => [r.method, r.path.split('/').pop(), r.status]),
      [['GET', 'sharedkey', 200], ['GET', 'cn-missing', 404]],
    );
    assert.ok(log.every((r) => !Number.isNaN(Date.parse(r.time))));
    assert.strictEqual(log[0].path, `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourceGroups/${PROD_GROUP}/providers/Microsoft.Network/connections/cn-prod-we-paris/sharedkey`);
    assert.ok(!JSON.stringify(log).includes(key!), 'no key in the log');
  });

  it('issues tokens for the stand-in az, for either principal', async () => {
    const token = await emulator.control.issueToken('reader', 600);
    assert.strictEqual(token.expires_in, 600);
    assert.ok(Math.abs(token.expires_on - (Date.now() / 1000 + 600)) < 5);
    const read = await emulator.request('GET', paris, { token: token.access_token });
    const key = await emulator.request('GET', connectionPath('cn-prod-we-paris', '/sharedkey'), { token: token.access_token });
    assert.deepStrictEqual([read.status, key.status], [200, 403]);
  });

  it('refuses a configuration it cannot use', async () => {
    for (const bad of [{ pageSize: 0 }, { lroMs: -1 }, { latencyMs: 'slow' }, { throttle: { readsPerWindow: 1 } }, { speed: 3 }]) {
      await assert.rejects(emulator.control.setConfig(bad as never), (e: { status?: number }) => e.status === 400, JSON.stringify(bad));
    }
  });

  it('throttles per principal: remaining-budget headers on every response, then 429 with Retry-After', async () => {
    await emulator.control.setConfig({ throttle: { readsPerWindow: 3, writesPerWindow: 1, windowMs: 60_000 } });
    const remaining = [];
    for (let i = 0; i < 3; i++) remaining.push((await emulator.request('GET', paris)).headers['x-ms-ratelimit-remaining-subscription-reads']);
    assert.deepStrictEqual(remaining, ['2', '1', '0']);
    const throttled = await emulator.request('GET', paris);
    assert.deepStrictEqual([throttled.status, throttled.body.error.code], [429, 'SubscriptionRequestsThrottled']);
    assert.ok(Number(throttled.headers['retry-after']) >= 1);
    assert.strictEqual(throttled.headers['x-ms-ratelimit-remaining-subscription-reads'], '0');

    const write = await emulator.request('PATCH', paris, { body: { tags: {} } });
    assert.deepStrictEqual([write.status, write.headers['x-ms-ratelimit-remaining-subscription-writes']], [202, '0'], 'writes have their own budget');
    const reader = await emulator.request('GET', paris, { token: await emulator.token('reader') });
    assert.strictEqual(reader.status, 200, 'another principal has its own budget');
  });

  it('gives the budget back when the window ends', async () => {
    await emulator.control.setConfig({ throttle: { readsPerWindow: 1, writesPerWindow: 1, windowMs: 1500 } });
    assert.strictEqual((await emulator.request('GET', paris)).status, 200);
    assert.strictEqual((await emulator.request('GET', paris)).status, 429);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    assert.strictEqual((await emulator.request('GET', paris)).status, 200);
  });

  it('adds the configured latency to Resource Manager requests', async () => {
    await emulator.control.setConfig({ latencyMs: 250 });
    const started = Date.now();
    assert.strictEqual((await emulator.request('GET', paris)).status, 200);
    assert.ok(Date.now() - started >= 250, 'the request waited at least the latency');
  });
});
