// Under ARM's read limits the azure layer keeps within the budget Azure reports, instead of sending
// every queued request into a spent window (a 429 storm).
import * as assert from 'assert';
import type { AzureVpnApi } from '../../../src/azure/api';
import type { Connection } from '../../../src/azure/model';
import { startFixture, type Fixture } from './fixture';

async function loadWholeTree(api: AzureVpnApi): Promise<Connection[]> {
  const subscriptions = await api.listSubscriptions();
  const groups = (await Promise.all(subscriptions.map((s) => api.listGatewayResourceGroups(s.subscriptionId)))).flat();
  const gateways = (await Promise.all(groups.map((g) => api.listGateways(g)))).flat();
  return (await Promise.all(gateways.map((g) => api.listConnections(g)))).flat();
}

describe('azure layer: throttling-aware loading', function () {
  this.timeout(60_000);
  let fixture: Fixture;

  before(async () => {
    fixture = await startFixture({ pageSize: 2 });
  });
  after(() => fixture.close());

  it('loads the whole tree with at most one 429 per exhausted window', async () => {
    const unthrottled = (await loadWholeTree(await fixture.api())).map((c) => c.id).sort();
    await fixture.control.reset();
    await fixture.control.setConfig({ throttle: { readsPerWindow: 6, writesPerWindow: 6, windowMs: 1000 } });
    const connections = await loadWholeTree(await fixture.api());
    assert.deepStrictEqual(connections.map((c) => c.id).sort(), unthrottled, 'the same tree as without throttling');
    const requests = (await fixture.control.requests()).filter((r) => !r.path.startsWith('/_emulator') && !/oauth2|openid/.test(r.path));
    const served = requests.filter((r) => r.status === 200).length;
    const throttled = requests.filter((r) => r.status === 429).length;
    const windowsSpent = Math.ceil(served / 6);
    assert.ok(throttled <= windowsSpent, `${throttled} answers 429 for ${served} reads served (${windowsSpent} windows spent)`);
  });
});
