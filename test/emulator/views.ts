// How stored resources look on the wire, as the swagger and its examples show them. A shared key
// never appears in a connection view: Azure returns it only from the sharedkey operations.
import { armId } from './builders';
import type { StoredConnection, StoredGroup, StoredResource, StoredSubscription } from './world';
import type { TenantState } from './types';

export type NetworkType = 'virtualNetworkGateways' | 'localNetworkGateways' | 'connections';

export function tenantView(t: TenantState) {
  return {
    id: `/tenants/${t.tenantId}`,
    tenantId: t.tenantId,
    countryCode: 'US',
    displayName: t.displayName,
    domains: [t.defaultDomain],
    tenantCategory: 'Home',
    defaultDomain: t.defaultDomain,
    tenantType: 'AAD',
  };
}

export function subscriptionView(s: StoredSubscription) {
  return {
    id: `/subscriptions/${s.subscriptionId}`,
    subscriptionId: s.subscriptionId,
    tenantId: s.tenantId,
    displayName: s.displayName,
    state: s.state,
    subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' },
    authorizationSource: 'RoleBased',
    managedByTenants: [],
    ...(s.tags ? { tags: s.tags } : {}),
  };
}

export function groupView(s: StoredSubscription, g: StoredGroup) {
  return {
    id: `/subscriptions/${s.subscriptionId}/resourceGroups/${g.name}`,
    name: g.name,
    type: 'Microsoft.Resources/resourceGroups',
    location: g.location,
    ...(g.tags ? { tags: g.tags } : {}),
    properties: { provisioningState: 'Succeeded' },
  };
}

/** An item of the generic resources list (GenericResourceExpanded without $expand). */
export function genericResourceView(s: StoredSubscription, g: StoredGroup, type: NetworkType, r: StoredResource) {
  return {
    id: armId(s.subscriptionId, g.name, type, r.name),
    name: r.name,
    type: `Microsoft.Network/${type}`,
    location: r.location,
    ...(r.tags ? { tags: r.tags } : {}),
  };
}

export function resourceView(s: StoredSubscription, g: StoredGroup, type: NetworkType, r: StoredResource, properties = r.properties) {
  return {
    name: r.name,
    id: armId(s.subscriptionId, g.name, type, r.name),
    etag: r.etag,
    type: `Microsoft.Network/${type}`,
    location: r.location,
    ...(r.tags ? { tags: r.tags } : {}),
    properties,
  };
}

const GATEWAY_REFERENCES = ['virtualNetworkGateway1', 'virtualNetworkGateway2', 'localNetworkGateway2'];

/**
 * A shallow copy: views replace top-level fields only, and every reply is serialized in the tick it
 * is made (http.ts send), so nested objects shared with the stored state are never changed or kept.
 */
function withoutKey(properties: Record<string, unknown>, provisioningState: string): Record<string, unknown> {
  const { sharedKey: _sharedKey, ...view } = properties;
  return { ...view, provisioningState };
}

/** A connection as GET and the group list return it: gateway references expanded as `{ id, properties: {} }`. */
export function connectionView(s: StoredSubscription, g: StoredGroup, c: StoredConnection, provisioningState: string, properties = c.properties) {
  const view = withoutKey(properties, provisioningState);
  for (const ref of GATEWAY_REFERENCES) {
    const value = view[ref] as { id?: string } | undefined;
    if (value?.id) view[ref] = { id: value.id, properties: {} };
  }
  return resourceView(s, g, 'connections', c, view);
}

/**
 * Properties a gateway's connection list carries (VirtualNetworkGatewayConnectionListEntityPropertiesFormat),
 * plus authenticationType, which newer API versions return and this swagger version lacks (README: known gaps).
 */
const LIST_ENTITY_PROPERTIES = new Set([
  'authorizationKey', 'virtualNetworkGateway1', 'virtualNetworkGateway2', 'localNetworkGateway2', 'connectionType',
  'connectionProtocol', 'routingWeight', 'connectionMode', 'connectionStatus', 'tunnelConnectionStatus',
  'egressBytesTransferred', 'ingressBytesTransferred', 'peer', 'enableBgp', 'gatewayCustomBgpIpAddresses',
  'usePolicyBasedTrafficSelectors', 'ipsecPolicies', 'trafficSelectorPolicies', 'resourceGuid', 'provisioningState',
  'expressRouteGatewayBypass', 'enablePrivateLinkFastPath', 'authenticationType',
]);

/** A connection as a gateway's listConnections returns it: the list-entity shape, references as `{ id }`. */
export function connectionListEntityView(s: StoredSubscription, g: StoredGroup, c: StoredConnection, provisioningState: string, stored = c.properties) {
  const all = withoutKey(stored, provisioningState);
  const properties = Object.fromEntries(Object.entries(all).filter(([k]) => LIST_ENTITY_PROPERTIES.has(k)));
  for (const ref of GATEWAY_REFERENCES) {
    const value = properties[ref] as { id?: string } | undefined;
    if (value?.id) properties[ref] = { id: value.id };
  }
  return resourceView(s, g, 'connections', c, properties);
}
