// What Azure Resource Graph tells about the whole fleet at once, in the user's words. Graph lags
// behind Resource Manager and may not track runtime values (a connection's status), so these shapes
// say where their values come from; the tree shows Resource Manager's answers where they matter.
import type { Connection, Subscription, UnreadTenant, VirtualNetworkGateway } from './model';

/** The subscriptions the account can read and every virtual network gateway in them: the first level of the tree. */
export interface GatewayDiscovery {
  subscriptions: Subscription[];
  gateways: VirtualNetworkGateway[];
  unreadTenants: UnreadTenant[];
}

/**
 * A connection as Resource Graph indexed it (or as this session last wrote it, until Graph catches up):
 * its status is Graph's, set when the connection was last written and indexed, not live.
 */
export type FleetConnection = Pick<Connection, 'id' | 'name' | 'subscriptionId' | 'resourceGroup' | 'location' | 'type' | 'status' | 'provisioningState' | 'gateway1Id' | 'peerId'>;

/** What search and the problem count know of a connection read from Resource Manager. */
export function fleetConnectionOf(connection: Connection): FleetConnection {
  const { id, name, subscriptionId, resourceGroup, location, type, status, provisioningState, gateway1Id, peerId } = connection;
  return { id, name, subscriptionId, resourceGroup, location, type, status, provisioningState, gateway1Id, peerId };
}
