// The full tree load as the Connections view does it with every node expanded: the subscriptions,
// then for each one the groups holding gateways, for each group its gateways, for each gateway its
// connections — the same api calls as src/tree/*, all started at once and bounded only by the api's
// own limiter. Signed in with the environment credential, as a service principal user is.
import type { AzureVpnApi } from '../../src/azure/api';
import type { Connection, ResourceGroupRef, Subscription, VirtualNetworkGateway } from '../../src/azure/model';
import { createAzureVpnApi, type AzureApiDependencies } from '../../src/azure/createApi';
import { subscriptionsWithGateways } from '../emulator/fleet';
import type { EmulatorInfo } from '../emulator/types';
import { customCloudSettings, signInAs } from '../unit/azure/fixture';
import type { FleetShape } from './fleetShape';

/** Everything a fully expanded tree holds. */
export interface LoadedTree {
  subscriptions: Subscription[];
  groups: ResourceGroupRef[];
  gateways: VirtualNetworkGateway[];
  connections: Connection[];
}

export interface TreeCounts {
  subscriptions: number;
  groups: number;
  gateways: number;
  connections: number;
}

/** An api as the extension makes it (the SDK log piped at the default level, as AzureSession does), signed in to the emulator. */
export function benchApi(info: EmulatorInfo, deps: AzureApiDependencies = {}): Promise<AzureVpnApi> {
  signInAs(info, 'main');
  return createAzureVpnApi(customCloudSettings(info), { log: () => undefined, ...deps });
}

export async function loadFullTree(api: AzureVpnApi): Promise<LoadedTree> {
  const tree: LoadedTree = { subscriptions: await api.listSubscriptions(), groups: [], gateways: [], connections: [] };
  await Promise.all(
    tree.subscriptions.map(async (subscription) => {
      const groups = await api.listGatewayResourceGroups(subscription.subscriptionId);
      tree.groups.push(...groups);
      await Promise.all(
        groups.map(async (group) => {
          const gateways = await api.listGateways(group);
          tree.gateways.push(...gateways);
          await Promise.all(gateways.map(async (gateway) => tree.connections.push(...(await api.listConnections(gateway)))));
        }),
      );
    }),
  );
  return tree;
}

export function countsOf(tree: LoadedTree): TreeCounts {
  return {
    subscriptions: tree.subscriptions.length,
    groups: tree.groups.length,
    gateways: tree.gateways.length,
    connections: tree.connections.length,
  };
}

/** A load that missed part of the tree measures nothing: stop the bench with what is missing. Through Graph the first level holds only the subscriptions with gateways. */
export function checkComplete(tree: LoadedTree, fleet: FleetShape, shown: 'every subscription' | 'with gateways' = 'every subscription'): void {
  const counts = countsOf(tree);
  const holding = subscriptionsWithGateways(fleet);
  const expected: TreeCounts = {
    subscriptions: shown === 'every subscription' ? fleet.subscriptions : holding,
    groups: holding * fleet.groups,
    gateways: holding * fleet.groups * fleet.gateways,
    connections: holding * fleet.groups * fleet.gateways * fleet.connections,
  };
  if (JSON.stringify(counts) !== JSON.stringify(expected)) {
    throw new Error(`the tree load is incomplete: loaded ${JSON.stringify(counts)}, the fleet has ${JSON.stringify(expected)}`);
  }
}
