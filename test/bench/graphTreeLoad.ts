// Discovery through Azure Resource Graph as the Connections view does it (src/tree/levelSource.ts,
// the same code): the first level (subscriptions and gateways, two queries at once), and the full
// tree — every gateway open, its connections read live from Resource Manager by group; then, as
// Go to Connection… asks for it, the query for every connection. The Resource Manager walk's first level of
// only the subscriptions holding gateways needs each subscription's gateway groups.
import type { AzureVpnApi } from '../../src/azure/api';
import type { FleetConnection } from '../../src/azure/fleet';
import type { Subscription } from '../../src/azure/model';
import type { GraphLoad } from '../../src/services/fleetDiscovery';
import { resourceGraphLevels } from '../../src/tree/levelSource';
import type { LoadedTree } from './treeLoad';

/** What FleetDiscovery.load makes of Graph's answer (no filter): the subscriptions that hold gateways. */
async function graphLoad(api: AzureVpnApi): Promise<GraphLoad> {
  const found = await api.discoverGateways();
  const holding = new Set(found.gateways.map((gateway) => gateway.subscriptionId.toLowerCase()));
  return { through: 'resourceGraph', api, found, inFilter: found.subscriptions, withGateways: found.subscriptions.filter((s) => holding.has(s.subscriptionId.toLowerCase())) };
}

/** The first level through Graph: the subscriptions shown. */
export async function graphFirstLevel(api: AzureVpnApi): Promise<Subscription[]> {
  return (await graphLoad(api)).withGateways;
}

/** The walk's first level of only the subscriptions that hold gateways: the subscriptions, then each one's gateway groups. */
export async function walkFirstLevel(api: AzureVpnApi): Promise<Subscription[]> {
  const subscriptions = await api.listSubscriptions();
  const groups = await Promise.all(subscriptions.map((subscription) => api.listGatewayResourceGroups(subscription.subscriptionId)));
  return subscriptions.filter((_, i) => groups[i].length > 0);
}

export interface GraphTreeLoad {
  tree: LoadedTree;
  /** What Go to Connection… reads when it is first used after the load: every connection, from Graph. */
  readForSearch(): Promise<FleetConnection[]>;
}

export async function loadFullTreeThroughGraph(api: AzureVpnApi): Promise<GraphTreeLoad> {
  const load = await graphLoad(api);
  const levels = resourceGraphLevels(load, () => undefined);
  const tree: LoadedTree = { subscriptions: load.withGateways, groups: [], gateways: [], connections: [] };
  await Promise.all(
    load.withGateways.map(async (subscription) => {
      const groups = await levels.resourceGroups(subscription.subscriptionId);
      tree.groups.push(...groups);
      await Promise.all(
        groups.map(async (group) => {
          const gateways = await levels.gateways(group);
          tree.gateways.push(...gateways);
          await Promise.all(gateways.map(async (gateway) => tree.connections.push(...(await levels.connections(gateway)))));
        }),
      );
    }),
  );
  return { tree, readForSearch: () => api.discoverConnections(load.withGateways.map((s) => s.subscriptionId)) };
}
