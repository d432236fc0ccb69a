// Fleet discovery through Azure Resource Graph, read through the extension's azure layer from the
// emulator: what the first level needs in two queries, connections paged and in batches of
// subscriptions, Graph's lag covered by this session's writes, its throttling, and the live
// connection lists the tree reads by group.
import * as assert from 'assert';
import * as fs from 'fs';
import type { AzureVpnApi } from '../../../src/azure/api';
import { networkApiVersion } from '../../../src/azure/armReader';
import { chooseDiscovery, fallbackReason } from '../../../src/azure/discoveryChoice';
import { AzureError } from '../../../src/azure/errors';
import type { VirtualNetworkGateway } from '../../../src/azure/model';
import { LAB_SUBSCRIPTION_ID, PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/defaultData';
import type { RequestLogEntry } from '../../emulator/types';
import { startFixture, type Fixture } from './fixture';

const prodGroup = 'rg-vpn.prod(westeurope)_01';
const graphPath = '/providers/Microsoft.ResourceGraph/resources';

function graphQueries(log: RequestLogEntry[]): RequestLogEntry[] {
  return log.filter((entry) => entry.path === graphPath);
}

/** Resource Manager reads (not Graph, not the token endpoint). */
function armReads(log: RequestLogEntry[]): RequestLogEntry[] {
  return log.filter((entry) => entry.method === 'GET' && entry.path.startsWith('/subscriptions'));
}

async function gatewayNamed(api: AzureVpnApi, name: string): Promise<VirtualNetworkGateway> {
  const gateway = (await api.discoverGateways()).gateways.find((candidate) => candidate.name === name);
  assert.ok(gateway, `Resource Graph lists ${name}`);
  return gateway;
}

describe('azure layer: fleet discovery through Azure Resource Graph (default data)', () => {
  let fixture: Fixture;
  let api: AzureVpnApi;

  before(async () => {
    fixture = await startFixture();
    api = await fixture.api();
  });
  after(() => fixture.close());
  beforeEach(async () => {
    await fixture.control.reset();
    api = await fixture.api();
  });

  it('finds every subscription and gateway in two queries, sent together, with no Resource Manager walk', async () => {
    const found = await api.discoverGateways();
    assert.deepStrictEqual(found.subscriptions.map((s) => s.displayName), ['Contoso Networking (Lab)', 'Contoso Networking (Production)']);
    assert.deepStrictEqual(found.subscriptions.map((s) => s.tenantId), [fixture.info.tenantId, fixture.info.tenantId]);
    assert.deepStrictEqual(found.gateways.map((g) => g.name), ['ergw-prod-we', 'vgw-idle-test', 'vgw-lab-eus', 'vgw-lab-staging', 'vgw-prod-we', 'vgw-zrh-01']);
    const log = await fixture.control.requests();
    assert.strictEqual(graphQueries(log).length, 2);
    assert.deepStrictEqual(armReads(log), [], 'no subscription, group or gateway list from Resource Manager');
  });

  it('names groups from the ids (Graph lower-cases its resourceGroup column) and says where the gateways come from', async () => {
    const zurich = await gatewayNamed(api, 'vgw-zrh-01');
    assert.strictEqual(zurich.resourceGroup, 'rg-Zürich-vpn');
    assert.strictEqual(zurich.subscriptionId, PRODUCTION_SUBSCRIPTION_ID);
    const prod = await gatewayNamed(api, 'vgw-prod-we');
    assert.deepStrictEqual([prod.kind, prod.sku, prod.activeActive, prod.source], ['Vpn', 'VpnGw2AZ', true, 'resourceGraph']);
    assert.strictEqual((await gatewayNamed(api, 'ergw-prod-we')).kind, 'ExpressRoute');
  });

  it('reads the connections of the subscriptions named, with type, Graph’s status and the gateway each is listed under', async () => {
    const connections = await api.discoverConnections([PRODUCTION_SUBSCRIPTION_ID]);
    assert.ok(connections.every((c) => c.subscriptionId === PRODUCTION_SUBSCRIPTION_ID));
    const paris = connections.find((c) => c.name === 'cn-prod-we-paris');
    assert.ok(paris, 'paris is listed');
    assert.deepStrictEqual([paris.type, paris.status, paris.resourceGroup], ['IPsec', 'Connected', prodGroup]);
    assert.ok(paris.gateway1Id?.endsWith('/virtualNetworkGateways/vgw-prod-we'));
    assert.ok(paris.peerId?.endsWith('/localNetworkGateways/lgw-paris-office'));
    const lab = await api.discoverConnections([LAB_SUBSCRIPTION_ID]);
    assert.ok(lab.length > 0 && lab.every((c) => c.subscriptionId === LAB_SUBSCRIPTION_ID));
  });

  it('reads a gateway’s connections live from its group’s list, one request for the gateways of a group asking together', async () => {
    const prod = await gatewayNamed(api, 'vgw-prod-we');
    const expressRoute = await gatewayNamed(api, 'ergw-prod-we');
    const mark = (await fixture.control.requests()).length;
    const [viaGroup, other] = await Promise.all([api.listConnectionsByGroup(prod), api.listConnectionsByGroup(expressRoute)]);
    const perGateway = await api.listConnections(prod);
    assert.deepStrictEqual(viaGroup.map((c) => [c.name, c.status, c.hasSharedKey]), perGateway.map((c) => [c.name, c.status, c.hasSharedKey]));
    assert.deepStrictEqual(other.map((c) => c.name), ['cn-prod-we-expressroute']);
    const groupLists = (await fixture.control.requests()).slice(mark).filter((r) => r.path.endsWith(`/resourceGroups/${prodGroup}/providers/Microsoft.Network/connections`));
    assert.strictEqual(groupLists.length, 1);
    assert.ok(viaGroup.every((c) => !JSON.stringify(c.raw).includes('sharedKey')), 'no key in the details');
  });

  it('compares ids whatever their case, as Graph may lower-case parts of them', async () => {
    const prod = await gatewayNamed(api, 'vgw-prod-we');
    const lowered = { ...prod, id: prod.id.toLowerCase(), resourceGroup: prod.resourceGroup.toLowerCase() };
    const names = (await api.listConnectionsByGroup(lowered)).map((c) => c.name);
    assert.deepStrictEqual(names, (await api.listConnections(prod)).map((c) => c.name));
  });

  it('lays this session’s writes over Graph’s lag: a deleted connection stays gone and a new one shows, until Graph agrees', async () => {
    await fixture.control.setConfig({ graphLagMs: 600_000 });
    const prod = await gatewayNamed(api, 'vgw-prod-we');
    const local = (await api.listLocalNetworkGateways(PRODUCTION_SUBSCRIPTION_ID)).find((l) => l.name === 'lgw-partner-hq');
    assert.ok(local);
    await api.deleteConnection({ subscriptionId: PRODUCTION_SUBSCRIPTION_ID, resourceGroup: prodGroup, name: 'cn-prod-we-paris' });
    await api.createConnection({
      subscriptionId: PRODUCTION_SUBSCRIPTION_ID,
      resourceGroup: prodGroup,
      name: 'cn-prod-we-partner',
      location: prod.location,
      gatewayId: prod.id,
      type: 'IPsec',
      peerId: local.id,
      sharedKey: 'Partner-Key-0123456789abcdef',
      ikeVersion: 'IKEv2',
    });
    const names = async (from: AzureVpnApi) => (await from.discoverConnections([PRODUCTION_SUBSCRIPTION_ID])).map((c) => c.name);
    const elsewhere = await fixture.api();
    assert.ok((await names(elsewhere)).includes('cn-prod-we-paris') && !(await names(elsewhere)).includes('cn-prod-we-partner'), 'Graph itself has not seen the writes');
    assert.ok(!(await names(api)).includes('cn-prod-we-paris'), 'the deleted connection does not come back');
    assert.ok((await names(api)).includes('cn-prod-we-partner'), 'the new connection shows');

    // Graph catches up; then a connection of that name made by someone else shows again.
    await fixture.control.setConfig({ graphLagMs: 0 });
    assert.ok(!(await names(api)).includes('cn-prod-we-paris'));
    await elsewhere.createConnection({
      subscriptionId: PRODUCTION_SUBSCRIPTION_ID,
      resourceGroup: prodGroup,
      name: 'cn-prod-we-paris',
      location: prod.location,
      gatewayId: prod.id,
      type: 'IPsec',
      peerId: local.id,
      sharedKey: 'Paris-Again-0123456789abcd',
      ikeVersion: 'IKEv2',
    });
    assert.ok((await names(api)).includes('cn-prod-we-paris'), 'the delete is forgotten once Graph agreed with it');
  });

  it('counts a throttled Graph as a reason to walk Resource Manager, without retrying, and then sends nothing until the quota resets', async () => {
    await fixture.control.setConfig({ graphQuota: { queriesPerWindow: 1, windowMs: 60_000 } });
    const failed = await api.discoverGateways().then(
      () => undefined,
      (error: unknown) => error,
    );
    assert.ok(failed instanceof AzureError && failed.kind === 'throttled', `throttled, not ${String(failed)}`);
    assert.match(fallbackReason(failed) ?? '', /throttling/);
    const sent = graphQueries(await fixture.control.requests());
    assert.deepStrictEqual(sent.map((r) => r.status).sort(), [200, 429], 'the query over the quota was sent once');
    await assert.rejects(api.discoverConnections([PRODUCTION_SUBSCRIPTION_ID]), (error: unknown) => error instanceof AzureError && error.kind === 'throttled');
    assert.strictEqual(graphQueries(await fixture.control.requests()).length, 2, 'nothing sent while the quota is used up');
  });

  it('waits for Graph’s quota to reset when that is soon, instead of running into 429', async () => {
    await fixture.control.setConfig({ graphQuota: { queriesPerWindow: 2, windowMs: 1500 } });
    await api.discoverGateways();
    const connections = await api.discoverConnections([PRODUCTION_SUBSCRIPTION_ID]);
    assert.ok(connections.length > 0);
    assert.deepStrictEqual(graphQueries(await fixture.control.requests()).map((r) => r.status), [200, 200, 200]);
  });

  it('counts a 403 from Graph, or a cloud without Graph, as a reason to walk Resource Manager', async () => {
    await fixture.control.addFault({ method: 'POST', pathPattern: `^${graphPath}$`, status: 403, errorCode: 'AuthorizationFailed', count: 2 });
    const forbidden = await api.discoverGateways().then(() => undefined, (error: unknown) => error);
    assert.match(fallbackReason(forbidden) ?? '', /refused the query \(403\)/);
    await fixture.control.addFault({ method: 'POST', pathPattern: `^${graphPath}$`, status: 404, errorCode: 'InvalidResourceType', count: 2 });
    const missing = await api.discoverGateways().then(() => undefined, (error: unknown) => error);
    assert.match(fallbackReason(missing) ?? '', /no Azure Resource Graph/);
    await fixture.control.addFault({ method: 'POST', pathPattern: `^${graphPath}$`, status: 400, errorCode: 'BadRequest', count: 2 });
    const badQuery = await api.discoverGateways().then(() => undefined, (error: unknown) => error);
    assert.ok(badQuery instanceof AzureError && fallbackReason(badQuery) === undefined, 'another failure stands: it is shown, not hidden by a walk');
  });
});

/** Runs `check` against an emulator serving a generated fleet, closed afterwards. */
async function onFleet(fleet: string, check: (fixture: Fixture, api: AzureVpnApi) => Promise<void>): Promise<void> {
  const fixture = await startFixture({ fleet });
  try {
    await check(fixture, await fixture.api());
  } finally {
    await fixture.close();
  }
}

describe('azure layer: fleet discovery through Azure Resource Graph (large fleets)', function () {
  this.timeout(60_000);

  it('reads every page of 1,000 rows: 600 gateways in one, 2,400 connections in three', () =>
    onFleet('10x30x2x4', async (fixture, api) => {
      const found = await api.discoverGateways();
      assert.deepStrictEqual([found.subscriptions.length, found.gateways.length], [10, 600]);
      const connections = await api.discoverConnections(found.subscriptions.map((s) => s.subscriptionId));
      assert.strictEqual(connections.length, 2400);
      assert.strictEqual(new Set(connections.map((c) => c.id.toLowerCase())).size, 2400, 'no row twice');
      assert.deepStrictEqual(graphQueries(await fixture.control.requests()).map((r) => r.status), [200, 200, 200, 200, 200]);
    }));

  it('names at most 1,000 subscriptions in a query: 1,001 subscriptions are two queries', () =>
    onFleet('1001x1x1x0', async (fixture, api) => {
      const found = await api.discoverGateways();
      assert.deepStrictEqual([found.subscriptions.length, found.gateways.length], [1001, 1001]);
      const mark = graphQueries(await fixture.control.requests()).length;
      // No connections: each query is one page, so the queries sent are the batches.
      assert.deepStrictEqual(await api.discoverConnections(found.subscriptions.map((s) => s.subscriptionId)), []);
      assert.strictEqual(graphQueries(await fixture.control.requests()).length - mark, 2);
    }));
});

describe('azure layer: which discovery, and the api-version of the connection lists', () => {
  it('auto uses Resource Graph except in a custom cloud; resourceGraph in any; resourceManager never', () => {
    assert.deepStrictEqual(chooseDiscovery('auto', 'AzureCloud'), { through: 'resourceGraph' });
    assert.deepStrictEqual(chooseDiscovery('auto', 'AzureUSGovernment'), { through: 'resourceGraph' });
    assert.strictEqual(chooseDiscovery('auto', 'Custom').through, 'resourceManager');
    assert.match((chooseDiscovery('auto', 'Custom') as { reason: string }).reason, /custom cloud/);
    assert.deepStrictEqual(chooseDiscovery('resourceGraph', 'Custom'), { through: 'resourceGraph' });
    assert.strictEqual(chooseDiscovery('resourceManager', 'AzureCloud').through, 'resourceManager');
  });

  it('reads connection lists at the api-version the SDK sends for connections', () => {
    const operations = require.resolve('@azure/arm-network').replace(/index\.js$/, 'api/virtualNetworkGatewayConnections/operations.js');
    assert.match(fs.readFileSync(operations, 'utf8'), new RegExp(`"api%2Dversion": "${networkApiVersion}"`));
  });
});
