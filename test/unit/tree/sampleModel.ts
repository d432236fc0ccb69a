// Model objects shaped like the azure layer returns them, for tests of the tree and pickers.
import type { Connection, LocalNetworkGateway, Subscription, VirtualNetworkGateway } from '../../../src/azure/model';

export function subscription(id: string, displayName: string, tenantId = 'tenant-a'): Subscription {
  return { subscriptionId: id, displayName, tenantId, state: 'Enabled' };
}

export function gateway(name: string, overrides: Partial<VirtualNetworkGateway> = {}): VirtualNetworkGateway {
  const subscriptionId = overrides.subscriptionId ?? 'sub-1';
  const resourceGroup = overrides.resourceGroup ?? 'rg.net (west)';
  return {
    id: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Network/virtualNetworkGateways/${name}`,
    name,
    subscriptionId,
    resourceGroup,
    location: 'westeurope',
    kind: 'Vpn',
    sku: 'VpnGw1',
    activeActive: false,
    vpnType: 'RouteBased',
    provisioningState: 'Succeeded',
    ...overrides,
  };
}

export function connection(name: string, overrides: Partial<Connection> = {}): Connection {
  const subscriptionId = overrides.subscriptionId ?? 'sub-1';
  const resourceGroup = overrides.resourceGroup ?? 'rg.net (west)';
  return {
    id: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Network/connections/${name}`,
    name,
    subscriptionId,
    resourceGroup,
    location: 'westeurope',
    type: 'IPsec',
    status: 'Connected',
    provisioningState: 'Succeeded',
    protocol: 'IKEv2',
    peerName: 'branch-office',
    gateway1Id: gateway('gw-1', { subscriptionId, resourceGroup }).id,
    ingressBytes: 1_500_000,
    egressBytes: 250,
    hasSharedKey: true,
    raw: { name, properties: { connectionType: 'IPsec' } },
    ...overrides,
  };
}

export function localGateway(name: string, location: string, overrides: Partial<LocalNetworkGateway> = {}): LocalNetworkGateway {
  return {
    id: `/subscriptions/sub-1/resourceGroups/onprem/providers/Microsoft.Network/localNetworkGateways/${name}`,
    name,
    subscriptionId: 'sub-1',
    resourceGroup: 'onprem',
    location,
    gatewayIpAddress: '203.0.113.7',
    addressPrefixes: ['10.1.0.0/16'],
    ...overrides,
  };
}
