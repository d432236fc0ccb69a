// Fleet discovery through Azure Resource Graph: one query answers for up to 1,000 subscriptions,
// 1,000 rows a page ($skipToken), where walking Resource Manager costs a request per subscription,
// group and gateway. The first level needs two queries sent together (subscriptions, gateways);
// connections are one more query, over the subscriptions that hold gateways, in batches of 1,000.
import type * as graphSdk from '@azure/arm-resourcegraph';
import { toAzureError } from './errors';
import type { FleetConnection, GatewayDiscovery } from './fleet';
import { connectionFromRow, connectionsQuery, gatewayFromRow, gatewaysQuery, subscriptionFromRow, subscriptionsQuery } from './graphQueries';
import type { Subscription, UnreadTenant, VirtualNetworkGateway } from './model';

/** Graph's most rows a page, and most subscriptions a query. */
export const graphPageRows = 1000;
export const subscriptionsPerQuery = 1000;

type GraphRow = Record<string, unknown>;

function batches<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

export class ResourceGraph {
  constructor(private readonly client: (tenantId?: string) => graphSdk.ResourceGraphClient) {}

  /** Every row of a query, page after page; no subscriptions: every subscription of the tenant. */
  async rows(query: string, tenantId?: string, subscriptions?: string[]): Promise<GraphRow[]> {
    const client = this.client(tenantId);
    const rows: GraphRow[] = [];
    let skipToken: string | undefined;
    do {
      const page = await client.resources({ query, subscriptions, options: { top: graphPageRows, skipToken, resultFormat: 'objectArray' } });
      rows.push(...(page.data as GraphRow[]));
      skipToken = page.skipToken;
    } while (skipToken);
    return rows;
  }

  /** The subscriptions and gateways of each tenant (undefined: the signed-in one), both queries at once per tenant. */
  async gateways(tenantIds: (string | undefined)[]): Promise<GatewayDiscovery> {
    const found: GatewayDiscovery = { subscriptions: [], gateways: [], unreadTenants: [] };
    type TenantAnswer = { subscriptions: Subscription[]; gateways: VirtualNetworkGateway[] } | { unread: UnreadTenant };
    const perTenant = await Promise.all(
      tenantIds.map(async (tenantId): Promise<TenantAnswer> => {
        try {
          const [subscriptions, gateways] = await Promise.all([this.rows(subscriptionsQuery, tenantId), this.rows(gatewaysQuery, tenantId)]);
          return { subscriptions: subscriptions.map(subscriptionFromRow), gateways: gateways.map(gatewayFromRow) };
        } catch (error) {
          // One tenant of several that cannot be read is named in the tree; a single one fails the level.
          if (tenantIds.length === 1 || tenantId === undefined) throw error;
          return { unread: { tenantId, reason: toAzureError(error).message } };
        }
      }),
    );
    const subscriptions = new Map<string, Subscription>();
    for (const tenant of perTenant) {
      if ('unread' in tenant) {
        found.unreadTenants.push(tenant.unread);
        continue;
      }
      for (const subscription of tenant.subscriptions) subscriptions.set(subscription.subscriptionId.toLowerCase(), subscription);
      found.gateways.push(...tenant.gateways);
    }
    found.subscriptions = [...subscriptions.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
    found.gateways.sort((a, b) => a.name.localeCompare(b.name));
    return found;
  }

  /** Every connection of these subscriptions, each tenant's in batches of at most 1,000 subscriptions, all at once. */
  async connections(subscriptionIds: string[], tenantOf: (subscriptionId: string) => string | undefined): Promise<FleetConnection[]> {
    const byTenant = new Map<string | undefined, string[]>();
    for (const id of subscriptionIds) {
      const tenant = tenantOf(id);
      const ids = byTenant.get(tenant) ?? [];
      ids.push(id);
      byTenant.set(tenant, ids);
    }
    const queries = [...byTenant].flatMap(([tenantId, ids]) => batches(ids, subscriptionsPerQuery).map((batch) => this.rows(connectionsQuery, tenantId, batch)));
    const rows = (await Promise.all(queries)).flat();
    return rows.map(connectionFromRow).sort((a, b) => a.name.localeCompare(b.name));
  }
}
