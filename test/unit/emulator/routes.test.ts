// Resource Manager read routes against the default data: shapes, errors, encoding and paging.
import * as assert from 'assert';
import { LAB_SUBSCRIPTION_ID, PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/defaultData';
import { connectionPath, groupPath, PROD_GROUP, TestEmulator, type ArmResponse } from './armClient';

const RESOURCES_API = '2025-04-01';
const SUBSCRIPTIONS_API = '2022-12-01';
const GATEWAY_FILTER = "resourceType eq 'Microsoft.Network/virtualNetworkGateways'";

const names = (res: ArmResponse): string[] => res.body.value.map((r: { name: string }) => r.name);

describe('emulator: Resource Manager routes', function () {
  this.timeout(20_000);
  const emulator = TestEmulator.inSuite();

  /** Follows nextLink to the end, like the SDK's pagers. */
  async function all(path: string, apiVersion?: string): Promise<{ items: Array<{ name: string; id: string }>; pages: ArmResponse[] }> {
    const pages = [await emulator.request('GET', path, { apiVersion })];
    while (pages[pages.length - 1].body.nextLink) pages.push(await emulator.request('GET', pages[pages.length - 1].body.nextLink));
    assert.ok(pages.every((p) => p.status === 200));
    return { items: pages.flatMap((p) => p.body.value), pages };
  }

  it('lists the tenant and two subscriptions, and gets one', async () => {
    const tenants = await emulator.request('GET', '/tenants', { apiVersion: SUBSCRIPTIONS_API });
    assert.deepStrictEqual(tenants.body.value.map((t: { tenantId: string }) => t.tenantId), [emulator.info.tenantId]);
    const subs = await emulator.request('GET', '/subscriptions', { apiVersion: SUBSCRIPTIONS_API });
    assert.deepStrictEqual(subs.body.value.map((s: { subscriptionId: string }) => s.subscriptionId), [PRODUCTION_SUBSCRIPTION_ID, LAB_SUBSCRIPTION_ID]);
    const one = await emulator.request('GET', `/subscriptions/${LAB_SUBSCRIPTION_ID}`, { apiVersion: SUBSCRIPTIONS_API });
    assert.deepStrictEqual([one.body.displayName, one.body.state, one.body.tenantId], ['Contoso Networking (Lab)', 'Enabled', emulator.info.tenantId]);
  });

  it('lists resource groups, gets one by its encoded name, and knows which are missing', async () => {
    const groups = await emulator.request('GET', `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourcegroups`, { apiVersion: RESOURCES_API });
    assert.deepStrictEqual(names(groups), [PROD_GROUP, 'rg-Zürich-vpn', 'rg-shared_services']);
    const zurich = await emulator.request('GET', groupPath('rg-zürich-VPN'), { apiVersion: RESOURCES_API });
    assert.deepStrictEqual([zurich.status, zurich.body.name, zurich.body.id], [200, 'rg-Zürich-vpn', `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourceGroups/rg-Zürich-vpn`]);
    const missing = await emulator.request('GET', groupPath('rg-nowhere'), { apiVersion: RESOURCES_API });
    assert.deepStrictEqual([missing.status, missing.body.error.code], [404, 'ResourceGroupNotFound']);
    const noSub = await emulator.request('GET', groupPath(PROD_GROUP, '', '00000000-0000-4000-8000-000000000001'), { apiVersion: RESOURCES_API });
    assert.deepStrictEqual([noSub.status, noSub.body.error.code], [404, 'SubscriptionNotFound']);
  });

  it('filters the generic resources list by type: only groups that hold gateways show up', async () => {
    const gateways = await emulator.request('GET', `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resources?$filter=${encodeURIComponent(GATEWAY_FILTER)}`, { apiVersion: RESOURCES_API });
    assert.deepStrictEqual(names(gateways), ['vgw-prod-we', 'ergw-prod-we', 'vgw-zrh-01']);
    assert.ok(gateways.body.value.every((r: { type: string }) => r.type === 'Microsoft.Network/virtualNetworkGateways'));
    const lab = await emulator.request('GET', `/subscriptions/${LAB_SUBSCRIPTION_ID}/resources?$filter=${encodeURIComponent(GATEWAY_FILTER)}`, { apiVersion: RESOURCES_API });
    const groupsOf = (res: ArmResponse) => [...new Set(res.body.value.map((r: { id: string }) => r.id.split('/')[4]))];
    assert.deepStrictEqual(groupsOf(lab), ['rg-lab.vpn-eastus', 'rg-idle-gateway_(test)']);
    assert.deepStrictEqual(groupsOf(gateways), [PROD_GROUP, 'rg-Zürich-vpn'], 'rg-shared_services holds only a local network gateway');
  });

  it('refuses a $filter it does not support with 400', async () => {
    const res = await emulator.request('GET', `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resources?$filter=${encodeURIComponent("resourceType gt 'x'")}`, { apiVersion: RESOURCES_API });
    assert.deepStrictEqual([res.status, res.body.error.code], [400, 'InvalidFilterInQueryString']);
  });

  it('lists and gets gateways; listConnections returns the gateway’s connections as list entities', async () => {
    const gateways = await emulator.request('GET', groupPath(PROD_GROUP, '/providers/Microsoft.Network/virtualNetworkGateways'));
    assert.deepStrictEqual(names(gateways), ['vgw-prod-we', 'ergw-prod-we']);
    const gateway = await emulator.request('GET', groupPath(PROD_GROUP, '/providers/Microsoft.Network/virtualNetworkGateways/VGW-PROD-WE'));
    assert.deepStrictEqual([gateway.body.name, gateway.body.properties.activeActive, gateway.body.properties.sku.name], ['vgw-prod-we', true, 'VpnGw2AZ']);
    const connections = await emulator.request('GET', groupPath(PROD_GROUP, '/providers/Microsoft.Network/virtualNetworkGateways/vgw-prod-we/connections'));
    assert.deepStrictEqual(names(connections), ['cn-prod-we-paris', 'cn-prod-we-lyon', 'cn-prod-we-frankfurt-cert', 'cn-prod-we-zurich']);
    assert.deepStrictEqual(connections.body.value[0].properties.virtualNetworkGateway1, { id: gateway.body.id });
    const idle = await emulator.request('GET', groupPath('rg-idle-gateway_(test)', '/providers/Microsoft.Network/virtualNetworkGateways/vgw-idle-test/connections', LAB_SUBSCRIPTION_ID));
    assert.deepStrictEqual([idle.status, idle.body.value], [200, []]);
    const missing = await emulator.request('GET', groupPath(PROD_GROUP, '/providers/Microsoft.Network/virtualNetworkGateways/vgw-none'));
    assert.deepStrictEqual([missing.status, missing.body.error.code], [404, 'ResourceNotFound']);
  });

  it('lists and gets local network gateways', async () => {
    const locals = await emulator.request('GET', groupPath(PROD_GROUP, '/providers/Microsoft.Network/localNetworkGateways'));
    assert.deepStrictEqual(names(locals), ['lgw-paris-office', 'lgw-lyon-office', 'lgw-frankfurt-dc']);
    const frankfurt = await emulator.request('GET', groupPath(PROD_GROUP, '/providers/Microsoft.Network/localNetworkGateways/lgw-frankfurt-dc'));
    assert.strictEqual(frankfurt.body.properties.fqdn, 'vpn.frankfurt-dc.example.net');
  });

  it('lists and gets connections without ever returning a shared key', async () => {
    const list = await emulator.request('GET', groupPath(PROD_GROUP, '/providers/Microsoft.Network/connections'));
    assert.strictEqual(list.body.value.length, 5);
    const paris = await emulator.request('GET', connectionPath('cn-prod-we-paris'));
    assert.deepStrictEqual(
      [paris.body.properties.connectionType, paris.body.properties.connectionStatus, paris.body.properties.provisioningState],
      ['IPsec', 'Connected', 'Succeeded'],
    );
    const key = await emulator.storedKey('cn-prod-we-paris');
    for (const text of [list.text, paris.text]) {
      assert.ok(!text.includes('sharedKey'), 'no sharedKey property');
      assert.ok(!text.includes(key!), 'the key value does not appear');
    }
  });

  it("answers a missing connection with ARM's ResourceNotFound message", async () => {
    const res = await emulator.request('GET', connectionPath('cn-gone'));
    assert.strictEqual(res.status, 404);
    assert.deepStrictEqual(res.body.error, {
      code: 'ResourceNotFound',
      message: `The Resource 'Microsoft.Network/connections/cn-gone' under resource group '${PROD_GROUP}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
    });
  });

  it('finds names case-insensitively, however the path is encoded', async () => {
    const encodedParens = connectionPath('CN-PROD-WE-PARIS').replace('(', '%28').replace(')', '%29');
    for (const path of [connectionPath('cn-prod-we-paris'), encodedParens, connectionPath('cn-zrh-geneva', '', 'RG-ZÜRICH-VPN')]) {
      assert.strictEqual((await emulator.request('GET', path)).status, 200, path);
    }
  });

  it('requires api-version and names the supported ones', async () => {
    const missing = await emulator.request('GET', connectionPath('cn-prod-we-paris'), { apiVersion: null });
    assert.deepStrictEqual([missing.status, missing.body.error.code], [400, 'MissingApiVersionParameter']);
    const unknown = await emulator.request('GET', connectionPath('cn-prod-we-paris'), { apiVersion: '2014-04-01' });
    assert.deepStrictEqual([unknown.status, unknown.body.error.code], [400, 'NoRegisteredProviderFound']);
    assert.match(unknown.body.error.message, /^No registered resource provider found for location 'westeurope' and API version '2014-04-01' for type 'connections'\. The supported api-versions are '2015-05-01-preview, 2015-06-15, .*, 2026-01-01'\. The supported locations are '.*westeurope.*'\.$/);
    for (const version of ['2025-01-01', '2024-10-01', '2023-09-01', '2015-06-15', '2015-05-01-preview']) {
      assert.strictEqual((await emulator.request('GET', connectionPath('cn-prod-we-paris'), { apiVersion: version })).status, 200, version);
    }
  });

  it('sends ARM response headers: request ids and the JSON content type', async () => {
    const res = await emulator.request('GET', connectionPath('cn-prod-we-paris'), { headers: { 'x-ms-correlation-request-id': 'corr-123' } });
    assert.match(String(res.headers['x-ms-request-id']), /^[0-9a-f-]{36}$/);
    assert.strictEqual(res.headers['x-ms-correlation-request-id'], 'corr-123');
    assert.strictEqual(res.headers['content-type'], 'application/json; charset=utf-8');
  });

  it('pages every list with an absolute nextLink; the last page has none', async () => {
    await emulator.control.setConfig({ pageSize: 2 });
    const connections = await all(groupPath(PROD_GROUP, '/providers/Microsoft.Network/connections'));
    assert.strictEqual(connections.pages.length, 3);
    assert.deepStrictEqual(connections.pages.map((p) => p.body.value.length), [2, 2, 1]);
    assert.ok(connections.pages[0].body.nextLink.startsWith(`${emulator.info.resourceManagerEndpoint}/`));
    assert.strictEqual(connections.pages[2].body.nextLink, undefined);
    assert.strictEqual(new Set(connections.items.map((c) => c.name)).size, 5);

    const filtered = await all(`/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resources?$filter=${encodeURIComponent(GATEWAY_FILTER)}`, RESOURCES_API);
    assert.deepStrictEqual(filtered.items.map((r) => r.name), ['vgw-prod-we', 'ergw-prod-we', 'vgw-zrh-01'], 'the filter survives paging');
    const subs = await all('/subscriptions', SUBSCRIPTIONS_API);
    assert.deepStrictEqual([subs.pages.length, subs.pages[0].body.nextLink], [1, undefined]);
  });
});
