// The other half of a VNet-to-VNet link, found through the other gateway's connection list, in any
// subscription of the account, whatever the casing of the ids.
import * as assert from 'assert';
import type { AzureVpnApi } from '../../../src/azure/api';
import type { Connection } from '../../../src/azure/model';
import { findOtherHalf, notVisible } from '../../../src/azure/otherHalf';
import { LAB_SUBSCRIPTION_ID, PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/defaultData';
import { startFixture, type Fixture } from './fixture';

const zurichGroup = 'rg-Zürich-vpn';
const prodGroup = 'rg-vpn.prod(westeurope)_01';
const labGroup = 'rg-lab.vpn-eastus';
const gatewayId = (subscriptionId: string, group: string, name: string) =>
  `/subscriptions/${subscriptionId}/resourceGroups/${group}/providers/Microsoft.Network/virtualNetworkGateways/${name}`;

describe('azure layer: the other half of a VNet-to-VNet link', () => {
  let fixture: Fixture;
  let api: AzureVpnApi;

  before(async () => {
    fixture = await startFixture();
    api = await fixture.api();
    await api.listSubscriptions();
  });
  after(() => fixture.close());
  afterEach(() => fixture.control.reset());

  const connection = (subscriptionId: string, resourceGroup: string, name: string) => api.getConnection({ subscriptionId, resourceGroup, name });

  async function otherHalfName(of: Connection): Promise<string> {
    const found = await findOtherHalf(api, of);
    assert.strictEqual(found.found, 'one', `no single other half of ${of.name}: ${JSON.stringify(found)}`);
    return found.found === 'one' ? `${found.connection.name} on ${found.gatewayName}` : '';
  }

  it('finds the other half in the same subscription, both ways', async () => {
    assert.strictEqual(await otherHalfName(await connection(PRODUCTION_SUBSCRIPTION_ID, prodGroup, 'cn-prod-we-zurich')), 'cn-zrh-prod-we on vgw-zrh-01');
    assert.strictEqual(await otherHalfName(await connection(PRODUCTION_SUBSCRIPTION_ID, zurichGroup, 'cn-zrh-prod-we')), 'cn-prod-we-zurich on vgw-prod-we');
  });

  it('finds the other half in another subscription of the account', async () => {
    assert.strictEqual(await otherHalfName(await connection(PRODUCTION_SUBSCRIPTION_ID, zurichGroup, 'cn-zrh-lab-eus')), 'cn-lab-eus-zrh on vgw-lab-eus');
    assert.strictEqual(await otherHalfName(await connection(LAB_SUBSCRIPTION_ID, labGroup, 'cn-lab-eus-zrh')), 'cn-zrh-lab-eus on vgw-zrh-01');
  });

  it('compares ids whatever their casing', async () => {
    await api.createConnection({
      subscriptionId: LAB_SUBSCRIPTION_ID,
      resourceGroup: labGroup,
      name: 'cn-lab-eus-prod-we',
      location: 'eastus',
      gatewayId: gatewayId(LAB_SUBSCRIPTION_ID, labGroup, 'vgw-lab-eus').toUpperCase(),
      type: 'Vnet2Vnet',
      peerId: gatewayId(PRODUCTION_SUBSCRIPTION_ID, prodGroup, 'vgw-prod-we').toLowerCase(),
      sharedKey: 'Same key on both halves 1',
      ikeVersion: 'IKEv2',
    });
    await api.createConnection({
      subscriptionId: PRODUCTION_SUBSCRIPTION_ID,
      resourceGroup: prodGroup,
      name: 'cn-prod-we-lab-eus',
      location: 'westeurope',
      gatewayId: gatewayId(PRODUCTION_SUBSCRIPTION_ID, prodGroup, 'vgw-prod-we'),
      type: 'Vnet2Vnet',
      peerId: gatewayId(LAB_SUBSCRIPTION_ID, labGroup, 'vgw-lab-eus').toLowerCase(),
      sharedKey: 'Same key on both halves 1',
      ikeVersion: 'IKEv2',
    });
    assert.strictEqual(await otherHalfName(await connection(PRODUCTION_SUBSCRIPTION_ID, prodGroup, 'cn-prod-we-lab-eus')), 'cn-lab-eus-prod-we on vgw-lab-eus');
  });

  it('says when no other half is visible, and why', async () => {
    const lonely = await connection(LAB_SUBSCRIPTION_ID, labGroup, 'cn-lab-staging-idle');
    assert.deepStrictEqual(await findOtherHalf(api, lonely), { found: 'none', reason: notVisible() });
    await fixture.control.addFault({ method: 'GET', pathPattern: '/virtualNetworkGateways/vgw-zrh-01/connections$', status: 403, count: 5 });
    const found = await findOtherHalf(api, await connection(PRODUCTION_SUBSCRIPTION_ID, prodGroup, 'cn-prod-we-zurich'));
    assert.strictEqual(found.found, 'none');
    assert.match(found.found === 'none' ? found.reason : '', /^not created, or in a subscription you cannot read \(vgw-zrh-01: You do not have permission/);
  });

  it('lists every candidate when several connections claim to be the other half', async () => {
    await api.createConnection({
      subscriptionId: PRODUCTION_SUBSCRIPTION_ID,
      resourceGroup: zurichGroup,
      name: 'cn-zrh-prod-we-2',
      location: 'switzerlandnorth',
      gatewayId: gatewayId(PRODUCTION_SUBSCRIPTION_ID, zurichGroup, 'vgw-zrh-01'),
      type: 'Vnet2Vnet',
      peerId: gatewayId(PRODUCTION_SUBSCRIPTION_ID, prodGroup, 'vgw-prod-we'),
      sharedKey: 'A second claimant',
      ikeVersion: 'IKEv2',
    });
    const found = await findOtherHalf(api, await connection(PRODUCTION_SUBSCRIPTION_ID, prodGroup, 'cn-prod-we-zurich'));
    assert.strictEqual(found.found, 'several');
    assert.deepStrictEqual(found.found === 'several' ? found.connections.map((c) => c.name).sort() : [], ['cn-zrh-prod-we', 'cn-zrh-prod-we-2']);
  });

  it('is not looked for on an IPsec connection', async () => {
    const paris = await connection(PRODUCTION_SUBSCRIPTION_ID, prodGroup, 'cn-prod-we-paris');
    assert.strictEqual((await findOtherHalf(api, paris)).found, 'none');
  });
});
