// Every api-version the specs publish answers, each in its own shape; an unknown one gets ARM's
// 400 in ARM's words.
import * as assert from 'assert';
import { API_VERSIONS } from '../../emulator/apiVersions';
import { PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/defaultData';
import { connectionPath, groupPath, PROD_GROUP, TestEmulator } from './armClient';

const gatewayPath = (name: string) => groupPath(PROD_GROUP, `/providers/Microsoft.Network/virtualNetworkGateways/${name}`);
const localGatewayPath = (name: string) => groupPath(PROD_GROUP, `/providers/Microsoft.Network/localNetworkGateways/${name}`);

describe('emulator: api-versions', function () {
  this.timeout(30_000);
  const emulator = TestEmulator.inSuite();

  it('serves every published version of every family', async () => {
    const routes: Array<[keyof typeof API_VERSIONS, string]> = [
      ['network', connectionPath('cn-prod-we-paris')],
      ['resources', `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourcegroups`],
      ['subscriptions', '/subscriptions'],
    ];
    for (const [family, path] of routes) {
      for (const apiVersion of API_VERSIONS[family]) assert.strictEqual((await emulator.request('GET', path, { apiVersion })).status, 200, `${family} ${apiVersion}`);
    }
  });

  it('answers an unknown version with the 400 naming the supported ones, as ARM words it', async () => {
    const network = await emulator.request('GET', localGatewayPath('lgw-paris-office'), { apiVersion: '2099-01-01' });
    assert.strictEqual(network.body.error.code, 'NoRegisteredProviderFound');
    assert.ok(network.body.error.message.startsWith(`No registered resource provider found for location 'westeurope' and API version '2099-01-01' for type 'localNetworkGateways'. The supported api-versions are '${API_VERSIONS.network.join(', ')}'.`));
    const key = await emulator.request('GET', connectionPath('cn-zrh-geneva', '/sharedkey', 'rg-Zürich-vpn'), { apiVersion: '2099-01-01' });
    assert.match(key.body.error.message, /^No registered resource provider found for location 'switzerlandnorth' and API version '2099-01-01' for type 'connections\/sharedkey'\./);
    const groups = await emulator.request('GET', `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourcegroups`, { apiVersion: '2099-01-01' });
    assert.deepStrictEqual([groups.status, groups.body.error], [400, {
      code: 'InvalidApiVersionParameter',
      message: `The api-version '2099-01-01' is invalid. The supported versions are '${[...API_VERSIONS.resources].reverse().join(',')}'.`,
    }]);
    const missingGroup = await emulator.request('GET', groupPath('rg-nowhere', '/providers/Microsoft.Network/connections'), { apiVersion: '2099-01-01' });
    assert.deepStrictEqual([missingGroup.status, missingGroup.body.error.code], [404, 'ResourceGroupNotFound'], 'ARM finds the group before its location');
  });

  it('leaves out of a connection the fields its version did not have yet', async () => {
    const at = async (apiVersion: string, name = 'cn-prod-we-paris') => (await emulator.request('GET', connectionPath(name), { apiVersion })).body.properties;
    const first = await at('2015-06-15');
    for (const field of ['connectionProtocol', 'tunnelConnectionStatus', 'ipsecPolicies', 'dpdTimeoutSeconds', 'connectionMode']) assert.ok(!(field in first), field);
    assert.deepStrictEqual([first.connectionType, first.connectionStatus], ['IPsec', 'Connected'], 'what 2015-06-15 had stays');
    const python = await at('2022-07-01');
    assert.ok('connectionProtocol' in python && 'dpdTimeoutSeconds' in python, 'the Python SDK’s version has them');
    assert.ok(!('enablePrivateLinkFastPath' in (await at('2022-01-01', 'cn-prod-we-expressroute'))));
    assert.strictEqual((await at('2022-05-01', 'cn-prod-we-expressroute')).enablePrivateLinkFastPath, false);
    assert.ok(!('authenticationType' in (await at('2025-01-01', 'cn-prod-we-frankfurt-cert'))), 'certificate authentication came with 2025-03-01');
    assert.strictEqual((await at('2025-03-01', 'cn-prod-we-frankfurt-cert')).authenticationType, 'Certificate');
  });

  it('shapes gateways, local gateways, lists, keys and subscriptions too, without changing what it holds', async () => {
    const old = (await emulator.request('GET', gatewayPath('vgw-prod-we'), { apiVersion: '2016-12-01' })).body.properties;
    assert.ok('activeActive' in old && !('vpnGatewayGeneration' in old) && !('adminState' in old));
    assert.deepStrictEqual(Object.keys(old.bgpSettings), ['asn', 'bgpPeeringAddress', 'peerWeight'], 'no bgpPeeringAddresses before 2019-12-01');
    const now = (await emulator.request('GET', gatewayPath('vgw-prod-we'))).body.properties;
    assert.ok(now.bgpSettings.bgpPeeringAddresses.length > 0 && now.adminState === 'Enabled', 'the newest version still shows them');
    assert.ok(!('fqdn' in (await emulator.request('GET', localGatewayPath('lgw-frankfurt-dc'), { apiVersion: '2019-11-01' })).body.properties));
    const listed = await emulator.request('GET', groupPath(PROD_GROUP, '/providers/Microsoft.Network/virtualNetworkGateways/vgw-prod-we/connections'), { apiVersion: '2018-07-01' });
    assert.ok(listed.body.value.every((c: { properties: object }) => !('connectionProtocol' in c.properties)));
    assert.deepStrictEqual(Object.keys((await emulator.request('GET', connectionPath('cn-prod-we-lyon', '/sharedkey'), { apiVersion: '2018-02-01' })).body), ['value']);
    const sub = (await emulator.request('GET', `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}`, { apiVersion: '2016-06-01' })).body;
    assert.ok(!('tenantId' in sub) && !('managedByTenants' in sub) && sub.displayName === 'Contoso Networking (Production)');
    const tenant = (await emulator.request('GET', '/tenants', { apiVersion: '2016-06-01' })).body.value[0];
    assert.deepStrictEqual(Object.keys(tenant), ['id', 'tenantId']);
    const group = (await emulator.request('GET', groupPath(PROD_GROUP), { apiVersion: '2018-02-01' })).body;
    assert.ok(!('type' in group) && group.name === PROD_GROUP);
    const stored = (await emulator.control.state()).subscriptions[0].resourceGroups[0].virtualNetworkGateways![0].properties;
    assert.ok((stored.bgpSettings as { bgpPeeringAddresses?: unknown[] }).bgpPeeringAddresses?.length, 'the stored gateway keeps what an old version does not show');
  });

  it('takes the 2015-05-01-preview paths as the spec spells them: lower-case type, trailing slash', async () => {
    const lower = await emulator.request('GET', groupPath(PROD_GROUP, '/providers/Microsoft.Network/virtualnetworkgateways/vgw-prod-we'), { apiVersion: '2015-05-01-preview' });
    assert.strictEqual(lower.status, 200);
    const deleted = await emulator.request('DELETE', `${connectionPath('cn-prod-we-lyon')}/`, { apiVersion: '2015-05-01-preview' });
    assert.strictEqual(deleted.status, 202);
    await emulator.waitForOperation(String(deleted.headers['azure-asyncoperation']));
    assert.strictEqual((await emulator.request('GET', connectionPath('cn-prod-we-lyon'))).status, 404);
  });
});
