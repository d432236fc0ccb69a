// What a noisy Azure does to the azure layer: throttling, 5xx, dropped connections, expired tokens,
// missing rights. Each case states what the caller gets and what the emulator ends with.
import * as assert from 'assert';
import { AzureError } from '../../../src/azure/errors';
import type { ConnectionRef } from '../../../src/azure/model';
import { PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/defaultData';
import { createAzureVpnApi } from '../../../src/azure/createApi';
import { emulatorKey, signInAs, startFixture, type Fixture } from './fixture';

const paris: ConnectionRef = { subscriptionId: PRODUCTION_SUBSCRIPTION_ID, resourceGroup: 'rg-vpn.prod(westeurope)_01', name: 'cn-prod-we-paris' };
const parisGateway = { subscriptionId: PRODUCTION_SUBSCRIPTION_ID, name: 'rg-vpn.prod(westeurope)_01' };

function isAzureError(kind: AzureError['kind'], pattern?: RegExp) {
  return (error: unknown) => error instanceof AzureError && error.kind === kind && (!pattern || pattern.test(error.message));
}

describe('azure layer: failures', function () {
  this.timeout(30_000);
  let fixture: Fixture;

  before(async () => {
    fixture = await startFixture();
  });
  after(() => fixture.close());
  afterEach(() => fixture.control.reset());

  async function attempts(pattern: RegExp): Promise<number> {
    return (await fixture.control.requests()).filter((r) => pattern.test(r.path)).length;
  }

  it('retries a short 429 burst after Retry-After and succeeds', async () => {
    const api = await fixture.api();
    await fixture.control.addFault({ method: 'GET', pathPattern: 'resourceGroups/.*/virtualNetworkGateways$', status: 429, retryAfter: 1, count: 2 });
    const gateways = await api.listGateways(parisGateway);
    assert.strictEqual(gateways.length, 2);
    assert.strictEqual(await attempts(/virtualNetworkGateways$/), 3);
  });

  it('gives up at once, with a clear message, when Azure asks to wait minutes', async () => {
    const api = await fixture.api();
    await fixture.control.addFault({ method: 'GET', pathPattern: 'virtualNetworkGateways$', status: 429, retryAfter: 300, count: 5 });
    await assert.rejects(api.listGateways(parisGateway), isAzureError('throttled', /asks to wait 300 seconds/));
    assert.strictEqual(await attempts(/virtualNetworkGateways$/), 1, 'no retry storm');
  });

  it('says the SDK gave up when throttling goes on past every retry', async () => {
    const api = await fixture.api({ deps: { maxRetries: 1 } });
    await fixture.control.addFault({ method: 'GET', pathPattern: 'virtualNetworkGateways$', status: 429, retryAfter: 1, count: 5 });
    await assert.rejects(api.listGateways(parisGateway), isAzureError('throttled', /the extension retried and then gave up/));
  });

  for (const status of [500, 503]) {
    it(`retries a ${status} and succeeds`, async () => {
      const api = await fixture.api();
      await fixture.control.addFault({ method: 'GET', pathPattern: 'virtualNetworkGateways$', status, retryAfter: status === 503 ? 1 : undefined, count: 1 });
      assert.strictEqual((await api.listGateways(parisGateway)).length, 2);
      assert.strictEqual(await attempts(/virtualNetworkGateways$/), 2);
    });
  }

  it('retries a dropped connection (socket closed without a response) and succeeds', async () => {
    const api = await fixture.api();
    await fixture.control.addFault({ method: 'GET', pathPattern: 'sharedkey$', dropConnection: true, count: 1 });
    const key = await api.getSharedKey(paris);
    assert.ok(key === (await emulatorKey(fixture.control, paris)), 'the key read after the retry is the emulator key');
  });

  it('reports Azure as unavailable when 5xx goes on past every retry', async () => {
    const api = await fixture.api({ deps: { maxRetries: 1 } });
    await fixture.control.addFault({ method: 'GET', pathPattern: 'virtualNetworkGateways$', status: 500, count: 5 });
    await assert.rejects(api.listGateways(parisGateway), isAzureError('unavailable', /HTTP 500/));
  });

  it('refreshes short-lived tokens silently during a long operation', async () => {
    await fixture.control.setConfig({ tokenTtlSeconds: 1, lroMs: 2500 });
    const api = await fixture.api();
    await api.resetSharedKey(paris, 24);
    assert.strictEqual((await emulatorKey(fixture.control, paris))?.length, 24);
  });

  it('says "not signed in" when the credential has no sign-in', async () => {
    const api = await fixture.api({ as: 'nobody' });
    await assert.rejects(api.listSubscriptions(), isAzureError('notSignedIn'));
  });

  it('says "not signed in" when the service principal secret is wrong', async () => {
    signInAs(fixture.info, 'main');
    process.env.AZURE_CLIENT_SECRET = 'not-the-secret';
    const wrong = await createAzureVpnApi(fixture.settings);
    await assert.rejects(wrong.listSubscriptions(), isAzureError('notSignedIn'));
  });

  it('says the principal has no permission to read a key (403), and nothing changes', async () => {
    const reader = await fixture.api({ as: 'reader' });
    assert.strictEqual((await reader.listGateways(parisGateway)).length, 2, 'the reader can browse');
    await assert.rejects(reader.getSharedKey(paris), isAzureError('forbidden', /permission/));
    const before = await emulatorKey(fixture.control, paris);
    await assert.rejects(reader.resetSharedKey(paris, 32), isAzureError('forbidden'));
    assert.ok((await emulatorKey(fixture.control, paris)) === before, 'key unchanged');
  });
});
