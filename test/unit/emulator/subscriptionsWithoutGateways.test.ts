// Subscriptions that hold no gateway, as most of an enterprise's do: a generated fleet where only a
// share of the subscriptions hold gateways, and a control route that adds an empty subscription
// beside the default data. Resource Manager and Resource Graph both see them.
import * as assert from 'assert';
import { parseFleet, subscriptionsWithGateways } from '../../emulator/fleet';
import { graphQuery } from './graphClient';
import { TestEmulator } from './armClient';

const SUBSCRIPTIONS_API = '2022-12-01';
const EMPTY_SUBSCRIPTION = '0d5c2b4a-1e3f-4a6b-8c7d-9e0f1a2b3c4d';

async function subscriptionIds(emulator: TestEmulator): Promise<string[]> {
  const ids: string[] = [];
  for (let next: string | undefined = '/subscriptions'; next; ) {
    const page = await emulator.request('GET', next, { apiVersion: SUBSCRIPTIONS_API });
    ids.push(...(page.body.value as Array<{ subscriptionId: string }>).map((s) => s.subscriptionId));
    next = page.body.nextLink as string | undefined;
  }
  return ids;
}

describe('emulator: a fleet where only a share of the subscriptions hold gateways', function () {
  this.timeout(30_000);
  const emulator = TestEmulator.inSuite({ fleet: '40x2x1x1@5%' });

  it('reads the share from the spec, and refuses one that does not divide 100', () => {
    assert.deepStrictEqual(parseFleet('2000x1x2x4@5%'), { subscriptions: 2000, groups: 1, gateways: 2, connections: 4, gatewayEvery: 20 });
    assert.strictEqual(parseFleet('10x30x2x4').gatewayEvery, 1);
    assert.strictEqual(subscriptionsWithGateways(parseFleet('2000x1x2x4@5%')), 100);
    assert.throws(() => parseFleet('10x1x1x1@3%'), /must divide 100/);
  });

  it('lists every subscription, and gateways in every 20th only', async () => {
    assert.strictEqual((await subscriptionIds(emulator)).length, 40);
    const state = await emulator.control.state();
    assert.deepStrictEqual(
      state.subscriptions.map((s, i) => [i, s.resourceGroups.length]).filter(([, groups]) => groups > 0),
      [[0, 2], [20, 2]],
    );
    const gateways = await graphQuery(emulator, { query: "resources | where type =~ 'microsoft.network/virtualnetworkgateways' | summarize count() by subscriptionId" });
    assert.deepStrictEqual((gateways.body.data as unknown[]).length, 2);
  });
});

describe('emulator: adding an empty subscription through the control API', function () {
  this.timeout(20_000);
  const emulator = TestEmulator.inSuite();

  it('adds a subscription that Resource Manager and Resource Graph list, holding nothing, until the next reset', async () => {
    const added = await emulator.control.addSubscription(EMPTY_SUBSCRIPTION, 'Contoso Marketing');
    assert.deepStrictEqual([added.displayName, added.state, added.tenantId], ['Contoso Marketing', 'Enabled', emulator.info.tenantId]);
    assert.ok((await subscriptionIds(emulator)).includes(EMPTY_SUBSCRIPTION));
    const containers = await graphQuery(emulator, { query: "resourcecontainers | where type =~ 'microsoft.resources/subscriptions' | project subscriptionId, name" });
    assert.ok((containers.body.data as Array<{ name: string }>).some((row) => row.name === 'Contoso Marketing'));
    const resources = await emulator.request('GET', `/subscriptions/${EMPTY_SUBSCRIPTION}/resources`, { apiVersion: '2025-04-01' });
    assert.deepStrictEqual(resources.body.value, []);
    await emulator.control.reset();
    assert.ok(!(await subscriptionIds(emulator)).includes(EMPTY_SUBSCRIPTION));
  });

  it('refuses an id that is not a GUID, a missing name and an unknown tenant, adding nothing', async () => {
    const refused = async (id: string, body: unknown) => {
      const answer = await emulator.request('PUT', `/_emulator/subscriptions/${id}`, { body, apiVersion: null, token: null });
      assert.strictEqual(answer.status, 400, JSON.stringify(answer.body));
    };
    await refused('not-a-guid', { displayName: 'x' });
    await refused(EMPTY_SUBSCRIPTION, {});
    await refused(EMPTY_SUBSCRIPTION, { displayName: 'x', tenantId: '00000000-0000-0000-0000-000000000000' });
    assert.strictEqual((await subscriptionIds(emulator)).length, 2);
  });
});
