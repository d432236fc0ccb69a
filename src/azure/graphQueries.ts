// The Resource Graph queries of fleet discovery and how their rows become the extension's model.
// Graph lower-cases `type` and `resourceGroup` (and may lower-case parts of ids), so names come from
// ids and every comparison ignores case.
import type { FleetConnection } from './fleet';
import type { ConnectionStatus, ConnectionType, GatewayKind, Subscription, VirtualNetworkGateway } from './model';
import { parseResourceId } from './resourceId';

/** Every subscription of the tenant, as the tree names it. */
// not user-facing: a Resource Graph query (KQL) Azure reads
export const subscriptionsQuery = `resourcecontainers
| where type =~ 'microsoft.resources/subscriptions'
| project id, subscriptionId, name, tenantId, state = tostring(properties.state)`;

/** Every virtual network gateway, with what its row in the tree shows. */
// not user-facing: a Resource Graph query (KQL) Azure reads
export const gatewaysQuery = `resources
| where type =~ 'microsoft.network/virtualnetworkgateways'
| project id, name, location, subscriptionId, gatewayType = tostring(properties.gatewayType), sku = tostring(properties.sku.name),
  activeActive = tostring(properties.activeActive), vpnType = tostring(properties.vpnType), provisioningState = tostring(properties.provisioningState)`;

/** Every connection, with what search and the problem count need. */
// not user-facing: a Resource Graph query (KQL) Azure reads
export const connectionsQuery = `resources
| where type =~ 'microsoft.network/connections'
| project id, name, location, subscriptionId, connectionType = tostring(properties.connectionType),
  connectionStatus = tostring(properties.connectionStatus), provisioningState = tostring(properties.provisioningState),
  gateway1 = tostring(properties.virtualNetworkGateway1.id), gateway2 = tostring(properties.virtualNetworkGateway2.id),
  localGateway2 = tostring(properties.localNetworkGateway2.id), peer = tostring(properties.peer.id)`;

type GraphRow = Record<string, unknown>;

function text(row: GraphRow, column: string): string {
  const value = row[column];
  return typeof value === 'string' ? value : '';
}

/** Graph's tostring() of a missing value is '': that is "not set". */
function optional(row: GraphRow, column: string): string | undefined {
  return text(row, column) || undefined;
}

export function subscriptionFromRow(row: GraphRow): Subscription {
  const subscriptionId = text(row, 'subscriptionId');
  return { subscriptionId, displayName: text(row, 'name') || subscriptionId, tenantId: text(row, 'tenantId'), state: optional(row, 'state'), source: 'resourceGraph' };
}

/** Where a row's resource lives: group and subscription from its id, which keeps ARM's casing. */
function placeOf(row: GraphRow) {
  const id = text(row, 'id');
  const place = parseResourceId(id);
  return { id, name: text(row, 'name') || place.name, subscriptionId: place.subscriptionId, resourceGroup: place.resourceGroup, location: text(row, 'location') };
}

function oneOf<T extends string>(values: readonly T[], value: string, fallback: T): T {
  return values.find((candidate) => candidate.toLowerCase() === value.toLowerCase()) ?? fallback;
}

const gatewayKinds: readonly GatewayKind[] = ['Vpn', 'ExpressRoute', 'LocalGateway'];

export function gatewayFromRow(row: GraphRow): VirtualNetworkGateway {
  return {
    ...placeOf(row),
    kind: oneOf(gatewayKinds, text(row, 'gatewayType'), 'Other'),
    sku: optional(row, 'sku'),
    activeActive: text(row, 'activeActive').toLowerCase() === 'true',
    vpnType: optional(row, 'vpnType'),
    provisioningState: optional(row, 'provisioningState'),
    source: 'resourceGraph',
  };
}

const connectionTypes: readonly ConnectionType[] = ['IPsec', 'Vnet2Vnet', 'ExpressRoute', 'VPNClient'];
const connectionStatuses: readonly ConnectionStatus[] = ['Connected', 'Connecting', 'NotConnected', 'Unknown'];

export function connectionFromRow(row: GraphRow): FleetConnection {
  return {
    ...placeOf(row),
    type: oneOf(connectionTypes, text(row, 'connectionType'), 'IPsec'),
    status: oneOf(connectionStatuses, text(row, 'connectionStatus'), 'Unknown'),
    provisioningState: text(row, 'provisioningState') || 'Unknown',
    gateway1Id: optional(row, 'gateway1'),
    peerId: optional(row, 'localGateway2') ?? optional(row, 'gateway2') ?? optional(row, 'peer'),
  };
}
