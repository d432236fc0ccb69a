// Read-only ARM routes: tenants, subscriptions, resource groups (with the tag filter), virtual
// network gateways (with listConnections) and local network gateways.
import { resourceNotFound } from './armErrors';
import { findGroup, findSubscription, page, type ArmHandler, type ArmRequest } from './arm';
import type { Backend } from './backend';
import { parseFilter } from './resourceFilter';
import {
  connectionListEntityView,
  groupView,
  resourceView,
  subscriptionView,
  tenantView,
} from './views';
import { lookupKey } from './world';

export const listTenants: ArmHandler = (req, b) => page(req, b, b.world.tenants.map(tenantView));

/** Only the subscriptions of the tenant the token was issued for, as ARM does. */
export const listSubscriptions: ArmHandler = (req, b) =>
  page(req, b, [...b.world.subscriptions.values()].filter((s) => lookupKey(s.tenantId) === lookupKey(req.caller.tenantId)).map(subscriptionView));

export const getSubscription: ArmHandler = (req, b) => ({ status: 200, body: subscriptionView(findSubscription(req, b)) });

export const listGroups: ArmHandler = (req, b) => {
  const sub = findSubscription(req, b);
  const filter = parseFilter(req.query.get('$filter'), 'resourceGroups');
  const matching = [...sub.groups.values()].filter((g) => filter.matches({ name: g.name, resourceType: 'Microsoft.Resources/resourceGroups', resourceGroup: g.name, location: g.location, tags: g.tags }));
  return page(req, b, matching.map((g) => groupView(sub, g)));
};

export const getGroup: ArmHandler = (req, b) => {
  const { sub, group } = findGroup(req, b);
  return { status: 200, body: groupView(sub, group) };
};

function findGateway(req: ArmRequest, b: Backend) {
  const { sub, group } = findGroup(req, b);
  const gateway = group.gateways.get(lookupKey(req.params.name));
  if (!gateway) throw resourceNotFound('virtualNetworkGateways', req.params.name, req.params.group);
  return { sub, group, gateway };
}

export const listGateways: ArmHandler = (req, b) => {
  const { sub, group } = findGroup(req, b);
  return page(req, b, [...group.gateways.values()].map((g) => resourceView(sub, group, 'virtualNetworkGateways', g)));
};

export const getGateway: ArmHandler = (req, b) => {
  const { sub, group, gateway } = findGateway(req, b);
  return { status: 200, body: resourceView(sub, group, 'virtualNetworkGateways', gateway) };
};

/** The connections whose virtualNetworkGateway1 is this gateway, from any group of the subscription. */
export const listGatewayConnections: ArmHandler = (req, b) => {
  const { sub, group, gateway } = findGateway(req, b);
  const gatewayId = lookupKey(resourceView(sub, group, 'virtualNetworkGateways', gateway).id);
  const items: unknown[] = [];
  for (const g of sub.groups.values()) {
    for (const c of g.connections.values()) {
      const ref = c.properties.virtualNetworkGateway1 as { id?: string } | undefined;
      if (ref?.id && lookupKey(ref.id) === gatewayId) items.push(connectionListEntityView(sub, g, c, b.provisioningState(c, req.now), b.tunnels.properties(c, req.now)));
    }
  }
  return page(req, b, items);
};

export const listLocalGateways: ArmHandler = (req, b) => {
  const { sub, group } = findGroup(req, b);
  return page(req, b, [...group.localGateways.values()].map((g) => resourceView(sub, group, 'localNetworkGateways', g)));
};

export const getLocalGateway: ArmHandler = (req, b) => {
  const { sub, group } = findGroup(req, b);
  const localGateway = group.localGateways.get(lookupKey(req.params.name));
  if (!localGateway) throw resourceNotFound('localNetworkGateways', req.params.name, req.params.group);
  return { status: 200, body: resourceView(sub, group, 'localNetworkGateways', localGateway) };
};
