// Shared keys and other writes through the azure layer: the emulator's state is the ground truth.
import * as assert from 'assert';
import type { AzureVpnApi } from '../../../src/azure/api';
import { AzureError, StoppedWaitingError } from '../../../src/azure/errors';
import type { ConnectionRef, OperationPhase } from '../../../src/azure/model';
import { PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/defaultData';
import { emulatorConnection, emulatorKey, startFixture, type Fixture } from './fixture';

const prodGroup = 'rg-vpn.prod(westeurope)_01';
const paris: ConnectionRef = { subscriptionId: PRODUCTION_SUBSCRIPTION_ID, resourceGroup: prodGroup, name: 'cn-prod-we-paris' };
const geneva: ConnectionRef = { subscriptionId: PRODUCTION_SUBSCRIPTION_ID, resourceGroup: 'rg-Zürich-vpn', name: 'cn-zrh-geneva' };
const expressRoute: ConnectionRef = { subscriptionId: PRODUCTION_SUBSCRIPTION_ID, resourceGroup: prodGroup, name: 'cn-prod-we-expressroute' };

function isAzureError(kind: AzureError['kind'], pattern?: RegExp) {
  return (error: unknown) => error instanceof AzureError && error.kind === kind && (!pattern || pattern.test(error.message));
}

describe('azure layer: shared keys and connection writes', function () {
  this.timeout(30_000);
  let fixture: Fixture;
  let api: AzureVpnApi;

  before(async () => {
    fixture = await startFixture();
    api = await fixture.api();
  });
  after(() => fixture.close());
  afterEach(() => fixture.control.reset());

  it('reads the key the emulator holds', async () => {
    const key = await api.getSharedKey(paris);
    assert.ok(key === (await emulatorKey(fixture.control, paris)), 'the key read equals the emulator key');
  });

  it('sets a key, reports each phase, and returns only when the connection is no longer Updating', async () => {
    const phases: OperationPhase[] = [];
    const newKey = 'Test-Set-Key-0123456789-abcdefghij';
    await api.setSharedKey(paris, newKey, { onProgress: (p) => phases.push(p) });
    assert.ok((await emulatorKey(fixture.control, paris)) === newKey, 'the emulator holds the new key');
    assert.deepStrictEqual(phases, ['starting', 'applying', 'waitingForConnection']);
    assert.strictEqual((await emulatorConnection(fixture.control, paris))?.properties.provisioningState, 'Succeeded');
    // Right after, a second write is accepted (no AnotherOperationInProgress).
    await api.setSharedKey(paris, `${newKey}-2`);
    assert.ok((await emulatorKey(fixture.control, paris)) === `${newKey}-2`, 'the second set landed');
  });

  it('resets a key to a new random one of the asked length', async () => {
    const before = await emulatorKey(fixture.control, geneva);
    await api.resetSharedKey(geneva, 17);
    const after = await emulatorKey(fixture.control, geneva);
    assert.strictEqual(after?.length, 17);
    assert.ok(after !== before, 'the key changed');
    assert.ok((await api.getSharedKey(geneva)) === after, 'reading it back gives the new key');
  });

  it('refuses a key length Azure rejects with a clear message, and changes nothing', async () => {
    const before = await emulatorKey(fixture.control, geneva);
    await assert.rejects(api.resetSharedKey(geneva, 129), isAzureError('badRequest'));
    assert.ok((await emulatorKey(fixture.control, geneva)) === before, 'key unchanged');
  });

  it('says an ExpressRoute connection has no shared key', async () => {
    await assert.rejects(api.getSharedKey(expressRoute), isAzureError('noSharedKey', /no shared key/i));
  });

  it('reports a failed operation with Azure’s reason and leaves the key unchanged', async () => {
    const before = await emulatorKey(fixture.control, paris);
    await fixture.control.addFault({ method: 'POST', pathPattern: 'cn-prod-we-paris/sharedkey/reset$', lroOutcome: 'Failed' });
    await assert.rejects(api.resetSharedKey(paris, 32), isAzureError('operationFailed', /could not complete/i));
    assert.ok((await emulatorKey(fixture.control, paris)) === before, 'key unchanged');
  });

  it('stops waiting when asked, with a distinct error, while Azure carries on', async () => {
    await fixture.control.addFault({ method: 'PUT', pathPattern: 'cn-prod-we-paris/sharedkey$', lroOutcome: 'Stuck' });
    const abort = new AbortController();
    const phases: OperationPhase[] = [];
    const operation = api.setSharedKey(paris, 'Stuck-Operation-Key-0001', {
      abortSignal: abort.signal,
      onProgress: (phase) => {
        phases.push(phase);
        if (phase === 'applying') setTimeout(() => abort.abort(), 200);
      },
    });
    await assert.rejects(operation, (error: unknown) => error instanceof StoppedWaitingError && /Azure may still finish/.test(error.message));
    assert.deepStrictEqual(phases, ['starting', 'applying']);
  });

  it('gets 409 AnotherOperationInProgress as a conflict while another write runs', async () => {
    const first = api.resetSharedKey(paris, 40);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await assert.rejects(api.setSharedKey(paris, 'Conflicting-Key-000000'), isAzureError('conflict', /another operation/i));
    await first;
    assert.strictEqual((await emulatorKey(fixture.control, paris))?.length, 40, 'the first operation won');
  });

  it('deletes a connection', async () => {
    const phases: OperationPhase[] = [];
    await api.deleteConnection(geneva, { onProgress: (p) => phases.push(p) });
    assert.strictEqual(await emulatorConnection(fixture.control, geneva), undefined);
    assert.deepStrictEqual(phases, ['starting', 'applying']);
  });

  it('creates an IPsec connection to a local network gateway with the chosen key and IKE version', async () => {
    const gateways = await api.listGateways({ subscriptionId: PRODUCTION_SUBSCRIPTION_ID, name: prodGroup });
    const gateway = gateways.find((g) => g.name === 'vgw-prod-we')!;
    const local = (await api.listLocalNetworkGateways(PRODUCTION_SUBSCRIPTION_ID)).find((l) => l.name === 'lgw-lyon-office')!;
    const created = await api.createConnection({
      subscriptionId: PRODUCTION_SUBSCRIPTION_ID,
      resourceGroup: prodGroup,
      name: 'cn-new-lyon-backup',
      location: gateway.location,
      gatewayId: gateway.id,
      type: 'IPsec',
      peerId: local.id,
      sharedKey: 'Created-Key-abcdefghijklmnop',
      ikeVersion: 'IKEv2',
    });
    assert.strictEqual(created.name, 'cn-new-lyon-backup');
    assert.strictEqual(created.peerName, 'lgw-lyon-office');
    const ref = { subscriptionId: PRODUCTION_SUBSCRIPTION_ID, resourceGroup: prodGroup, name: 'cn-new-lyon-backup' };
    assert.ok((await emulatorKey(fixture.control, ref)) === 'Created-Key-abcdefghijklmnop', 'created with the chosen key');
    assert.strictEqual((await emulatorConnection(fixture.control, ref))?.properties.connectionProtocol, 'IKEv2');
    const listed = await api.listConnections(gateway);
    assert.ok(listed.some((c) => c.name === 'cn-new-lyon-backup'), 'the new connection is listed under its gateway');
  });

  it('creates a Vnet2Vnet connection to another gateway', async () => {
    const all = await api.listAllGateways(PRODUCTION_SUBSCRIPTION_ID);
    const zurich = all.find((g) => g.name === 'vgw-zrh-01')!;
    const prod = all.find((g) => g.name === 'vgw-prod-we')!;
    const created = await api.createConnection({
      subscriptionId: PRODUCTION_SUBSCRIPTION_ID,
      resourceGroup: 'rg-Zürich-vpn',
      name: 'cn-zrh-prod-we-2',
      location: zurich.location,
      gatewayId: zurich.id,
      type: 'Vnet2Vnet',
      peerId: prod.id,
      sharedKey: 'Vnet2Vnet-Key-0123456789',
      ikeVersion: 'IKEv2',
    });
    assert.strictEqual(created.type, 'Vnet2Vnet');
    assert.strictEqual(created.peerName, 'vgw-prod-we');
  });
});
