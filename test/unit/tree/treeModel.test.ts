import * as assert from 'assert';
import { connectionTreeId, resourceGroupId } from '../../../src/azure/resourceId';
import { connectionLook, contextValue, formatBytes, gatewayLook, resourceGroupLook, subscriptionLook } from '../../../src/tree/treeModel';
import { connection, gateway, subscription } from './sampleModel';

function tokens(value: string): string[] {
  return value.split(';');
}

describe('how the tree shows Azure objects', () => {
  describe('subscriptions', () => {
    it('show the tenant in the description when one is given (several tenants)', () => {
      const look = subscriptionLook(subscription('sub-1', 'Production'), 'Contoso');
      assert.strictEqual(look.label, 'Production');
      assert.strictEqual(look.description, 'Contoso');
      assert.match(look.tooltip, /Tenant: Contoso \(tenant-a\)/);
    });

    it('have no description with one tenant, and say when they are disabled', () => {
      assert.strictEqual(subscriptionLook(subscription('sub-1', 'Production')).description, undefined);
      const disabled = subscriptionLook({ ...subscription('sub-2', 'Old'), state: 'Disabled' });
      assert.strictEqual(disabled.description, 'Disabled');
    });
  });

  describe('resource groups', () => {
    it('keep names with periods, parentheses and Unicode as they are, in label and tree id', () => {
      const group = { subscriptionId: 'sub-1', name: 'réseau.prod (nord)' };
      assert.strictEqual(resourceGroupLook(group).label, 'réseau.prod (nord)');
      assert.strictEqual(resourceGroupId(group), '/subscriptions/sub-1/resourceGroups/réseau.prod (nord)');
    });
  });

  describe('gateways', () => {
    it('show the SKU and active-active in the description', () => {
      assert.strictEqual(gatewayLook(gateway('gw-1', { sku: 'VpnGw2AZ', activeActive: true })).description, 'VpnGw2AZ · active-active');
      assert.strictEqual(gatewayLook(gateway('gw-1')).description, 'VpnGw1');
    });

    it('have a different icon for VPN and ExpressRoute, and only VPN gateways offer Create Connection', () => {
      const vpn = gatewayLook(gateway('gw-1'));
      const expressRoute = gatewayLook(gateway('er-1', { kind: 'ExpressRoute', sku: 'Standard' }));
      assert.notStrictEqual(vpn.icon.id, expressRoute.icon.id);
      assert.ok(tokens(vpn.contextValue).includes('vpnGateway'));
      assert.ok(!tokens(expressRoute.contextValue).includes('vpnGateway'));
    });

    it('say when provisioning failed', () => {
      const look = gatewayLook(gateway('gw-1', { provisioningState: 'Failed' }));
      assert.match(look.description ?? '', /provisioning failed/);
      assert.strictEqual(look.icon.color, 'errorForeground');
    });

    it('say in the tooltip when Azure Resource Graph told them, subscriptions too', () => {
      assert.match(gatewayLook(gateway('gw-1', { source: 'resourceGraph' })).tooltip, /Azure Resource Graph .* can lag/);
      assert.doesNotMatch(gatewayLook(gateway('gw-1')).tooltip, /Resource Graph/);
      assert.match(subscriptionLook({ ...subscription('s1', 'Production'), source: 'resourceGraph' }).tooltip, /Azure Resource Graph/);
    });
  });

  describe('connections', () => {
    it('show type and status in the description, and protocol, peer, bytes and provisioning state in the tooltip', () => {
      const look = connectionLook(connection('to-branch'));
      assert.strictEqual(look.label, 'to-branch');
      assert.strictEqual(look.description, 'Connected · IPsec');
      assert.match(look.tooltip, /Protocol: IKEv2/);
      assert.match(look.tooltip, /Peer: branch-office/);
      assert.match(look.tooltip, /Data in: 1\.5 MB · Data out: 250 B/);
      assert.match(look.tooltip, /Provisioning state: Succeeded/);
    });

    it('have an icon color per status and an icon per type', () => {
      const colors = (['Connected', 'Connecting', 'NotConnected', 'Unknown'] as const).map(
        (status) => connectionLook(connection('c', { status })).icon.color,
      );
      assert.strictEqual(new Set(colors).size, 4, 'two statuses share a color');
      const icons = (['IPsec', 'Vnet2Vnet', 'ExpressRoute'] as const).map((type) => connectionLook(connection('c', { type })).icon.id);
      assert.strictEqual(new Set(icons).size, 3, 'two types share an icon');
      assert.strictEqual(connectionLook(connection('c', { status: 'NotConnected' })).description, 'Not connected · IPsec');
    });

    it('offer key commands only when the connection has a shared key', () => {
      assert.ok(tokens(connectionLook(connection('c')).contextValue).includes('sharedKey'));
      const expressRoute = connectionLook(connection('er', { type: 'ExpressRoute', hasSharedKey: false }));
      assert.ok(!tokens(expressRoute.contextValue).includes('sharedKey'));
      assert.ok(tokens(expressRoute.contextValue).includes('connection'));
    });

    it('show an operation in flight with a spinner and what is happening, and are busy meanwhile', () => {
      const look = connectionLook(connection('c'), { activity: 'resettingKey' });
      assert.strictEqual(look.icon.id, 'loading~spin');
      assert.strictEqual(look.description, 'Resetting key…');
      assert.ok(tokens(look.contextValue).includes('busy'));
      assert.ok(!tokens(look.contextValue).includes('idle'));
      assert.ok(tokens(connectionLook(connection('c')).contextValue).includes('idle'));
    });

    it('say when Azure still updates the connection', () => {
      assert.strictEqual(connectionLook(connection('c', { provisioningState: 'Updating' })).description, 'Connected · Updating · IPsec');
    });

    it('show a held (unsaved) key on the node', () => {
      const look = connectionLook(connection('c'), { heldKey: true });
      assert.match(look.description ?? '', /unsaved key held/);
      assert.ok(tokens(look.contextValue).includes('heldKey'));
    });

    it('show no held key while the operation that sends it still runs', () => {
      const look = connectionLook(connection('site'), { heldKey: true, activity: 'settingKey' });
      assert.strictEqual(look.description, 'Setting key…');
      assert.ok(!tokens(look.contextValue).includes('heldKey'));
      assert.doesNotMatch(look.tooltip, /held/);
    });

    it('say in the tooltip why a certificate-authenticated connection has no key commands', () => {
      const look = connectionLook(connection('cert', { authenticationType: 'Certificate', hasSharedKey: false }));
      assert.match(look.tooltip, /Certificate authentication — no shared key\./);
      assert.ok(!tokens(look.contextValue).includes('sharedKey'));
    });

    it('get unique tree ids when a Vnet2Vnet connection shows under both of its gateways', () => {
      const vnet2vnet = connection('v2v', { type: 'Vnet2Vnet' });
      const first = connectionTreeId(vnet2vnet, vnet2vnet.gateway1Id!);
      const second = connectionTreeId(vnet2vnet, gateway('gw-2').id);
      assert.strictEqual(first, vnet2vnet.id);
      assert.notStrictEqual(first, second);
    });
  });

  it('joins the context tokens that apply with ";"', () => {
    assert.strictEqual(contextValue('connection', false, undefined, 'sharedKey'), 'connection;sharedKey');
  });

  it('formats byte counts for people', () => {
    assert.strictEqual(formatBytes(undefined), 'unknown');
    assert.strictEqual(formatBytes(0), '0 B');
    assert.strictEqual(formatBytes(999), '999 B');
    assert.strictEqual(formatBytes(12_345_678_901), '12.3 GB');
  });
});
