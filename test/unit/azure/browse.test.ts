// Browsing: what the tree is built from, read through the extension's azure layer from the emulator.
import * as assert from 'assert';
import type { AzureVpnApi } from '../../../src/azure/api';
import { AzureError } from '../../../src/azure/errors';
import type { VirtualNetworkGateway } from '../../../src/azure/model';
import { LAB_SUBSCRIPTION_ID, PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/defaultData';
import { startFixture, type Fixture } from './fixture';

const prodGroup = 'rg-vpn.prod(westeurope)_01';

describe('azure layer: browsing subscriptions, groups, gateways and connections', () => {
  let fixture: Fixture;
  let api: AzureVpnApi;

  before(async () => {
    fixture = await startFixture({ pageSize: 2 });
    api = await fixture.api();
  });
  after(() => fixture.close());
  afterEach(() => fixture.control.reset());

  async function gateway(subscriptionId: string, group: string, name: string): Promise<VirtualNetworkGateway> {
    const found = (await api.listGateways({ subscriptionId, name: group })).find((g) => g.name === name);
    assert.ok(found, `gateway ${name} is listed`);
    return found;
  }

  it('lists the tenant and both subscriptions with their tenant', async () => {
    const tenants = await api.listTenants();
    assert.deepStrictEqual(tenants.map((t) => t.tenantId), [fixture.info.tenantId]);
    const subscriptions = await api.listSubscriptions();
    assert.deepStrictEqual(
      subscriptions.map((s) => [s.displayName, s.tenantId]),
      [
        ['Contoso Networking (Lab)', fixture.info.tenantId],
        ['Contoso Networking (Production)', fixture.info.tenantId],
      ],
    );
  });

  it('lists only the resource groups that hold a virtual network gateway, names intact, in one call per subscription', async () => {
    await fixture.control.reset();
    const groups = await api.listGatewayResourceGroups(PRODUCTION_SUBSCRIPTION_ID);
    assert.deepStrictEqual(groups.map((g) => g.name), ['rg-vpn.prod(westeurope)_01', 'rg-Zürich-vpn']);
    const lab = await api.listGatewayResourceGroups(LAB_SUBSCRIPTION_ID);
    assert.deepStrictEqual(lab.map((g) => g.name), ['rg-idle-gateway_(test)', 'rg-lab.vpn-eastus']);
    const requests = await fixture.control.requests();
    const resourceLists = requests.filter((r) => /\/resources$/.test(r.path));
    const groupReads = requests.filter((r) => /\/resourcegroups\//i.test(r.path) && !/\/providers\//i.test(r.path));
    assert.strictEqual(groupReads.length, 0, 'no per-group requests');
    // pageSize 2: the list is followed across pages, but only within the two subscriptions' own lists.
    assert.ok(resourceLists.every((r) => r.path.includes(PRODUCTION_SUBSCRIPTION_ID) || r.path.includes(LAB_SUBSCRIPTION_ID)));
  });

  it('describes gateways: VPN or ExpressRoute, SKU, active-active', async () => {
    const gateways = await api.listGateways({ subscriptionId: PRODUCTION_SUBSCRIPTION_ID, name: prodGroup });
    assert.deepStrictEqual(
      gateways.map((g) => [g.name, g.kind, g.sku, g.activeActive]),
      [
        ['ergw-prod-we', 'ExpressRoute', 'ErGw1AZ', false],
        ['vgw-prod-we', 'Vpn', 'VpnGw2AZ', true],
      ],
    );
  });

  it('lists a gateway’s connections across pages with type, status, peer, bytes and whether they have a key', async () => {
    const connections = await api.listConnections(await gateway(PRODUCTION_SUBSCRIPTION_ID, prodGroup, 'vgw-prod-we'));
    const byName = new Map(connections.map((c) => [c.name, c]));
    assert.deepStrictEqual([...byName.keys()].sort(), [
      'cn-prod-we-frankfurt-cert',
      'cn-prod-we-lyon',
      'cn-prod-we-paris',
      'cn-prod-we-zurich',
    ]);
    const paris = byName.get('cn-prod-we-paris')!;
    assert.strictEqual(paris.type, 'IPsec');
    assert.strictEqual(paris.status, 'Connected');
    assert.strictEqual(paris.peerName, 'lgw-paris-office');
    assert.ok((paris.ingressBytes ?? 0) > 0 && (paris.egressBytes ?? 0) > 0);
    assert.strictEqual(paris.hasSharedKey, true);
    assert.strictEqual(byName.get('cn-prod-we-lyon')!.status, 'Connecting');
    assert.strictEqual(byName.get('cn-prod-we-lyon')!.protocol, 'IKEv1');
    assert.strictEqual(byName.get('cn-prod-we-zurich')!.type, 'Vnet2Vnet');
    assert.strictEqual(byName.get('cn-prod-we-frankfurt-cert')!.hasSharedKey, false, 'certificate authentication has no key');
    for (const c of connections) assert.ok(!('sharedKey' in c.raw), 'no key in the connection details');
  });

  it('marks ExpressRoute connections as having no shared key', async () => {
    const connections = await api.listConnections(await gateway(PRODUCTION_SUBSCRIPTION_ID, prodGroup, 'ergw-prod-we'));
    assert.deepStrictEqual(connections.map((c) => [c.name, c.type, c.hasSharedKey]), [['cn-prod-we-expressroute', 'ExpressRoute', false]]);
  });

  it('reads the other statuses: NotConnected (Zürich) and Unknown (lab)', async () => {
    const zurich = await api.listConnections(await gateway(PRODUCTION_SUBSCRIPTION_ID, 'rg-Zürich-vpn', 'vgw-zrh-01'));
    assert.strictEqual(zurich.find((c) => c.name === 'cn-zrh-geneva')?.status, 'NotConnected');
    const lab = await api.listConnections(await gateway(LAB_SUBSCRIPTION_ID, 'rg-lab.vpn-eastus', 'vgw-lab-eus'));
    assert.strictEqual(lab.find((c) => c.name === 'cn-lab-home')?.status, 'Unknown');
  });

  it('returns an empty list for a gateway without connections', async () => {
    const idle = await gateway(LAB_SUBSCRIPTION_ID, 'rg-idle-gateway_(test)', 'vgw-idle-test');
    assert.deepStrictEqual(await api.listConnections(idle), []);
  });

  it('gets one connection by group and name, without its key', async () => {
    const connection = await api.getConnection({ subscriptionId: PRODUCTION_SUBSCRIPTION_ID, resourceGroup: 'rg-Zürich-vpn', name: 'cn-zrh-prod-we' });
    assert.strictEqual(connection.type, 'Vnet2Vnet');
    assert.strictEqual(connection.peerName, 'vgw-prod-we');
    assert.strictEqual(connection.provisioningState, 'Succeeded');
    assert.ok(!JSON.stringify(connection.raw).includes('sharedKey'));
  });

  it('lists local network gateways of a subscription (for a new IPsec connection) and every gateway (for Vnet2Vnet)', async () => {
    const locals = await api.listLocalNetworkGateways(PRODUCTION_SUBSCRIPTION_ID);
    assert.deepStrictEqual(locals.map((l) => l.name), ['lgw-frankfurt-dc', 'lgw-geneva-office', 'lgw-lyon-office', 'lgw-paris-office', 'lgw-partner-hq']);
    const gateways = await api.listAllGateways(PRODUCTION_SUBSCRIPTION_ID);
    assert.deepStrictEqual(gateways.map((g) => g.name).sort(), ['ergw-prod-we', 'vgw-prod-we', 'vgw-zrh-01']);
  });

  it('reports a failure on page 3 of a list as an error, never as a shorter list', async () => {
    const target = await gateway(PRODUCTION_SUBSCRIPTION_ID, prodGroup, 'vgw-prod-we');
    await fixture.control.setConfig({ pageSize: 1 });
    await fixture.control.addFault({ method: 'GET', pathPattern: '/virtualNetworkGateways/vgw-prod-we/connections$', skip: 2, status: 404, count: 1 });
    await assert.rejects(api.listConnections(target), (error: unknown) => error instanceof AzureError && error.kind === 'notFound');
    const pages = (await fixture.control.requests()).filter((r) => /vgw-prod-we\/connections$/.test(r.path));
    assert.deepStrictEqual(pages.map((r) => r.status), [200, 200, 404], 'pages 1 and 2 served, page 3 failed');
    assert.strictEqual((await api.listConnections(target)).length, 4, 'after the fault the full list loads');
  });

  it('turns a 404 into a "not found" error the tree can show', async () => {
    await assert.rejects(
      api.getConnection({ subscriptionId: PRODUCTION_SUBSCRIPTION_ID, resourceGroup: prodGroup, name: 'cn-does-not-exist' }),
      (error: unknown) => error instanceof AzureError && error.kind === 'notFound' && /not found/i.test(error.message),
    );
  });
});
