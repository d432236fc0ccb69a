// Where each level of the tree comes from: walking Resource Manager (a request per subscription,
// group and gateway, as before), or the fleet Resource Graph discovered at the first level, with
// the connections — whose status matters — read live from Resource Manager when a gateway opens.
import type { FleetConnection } from '../azure/fleet';
import type { Connection, ResourceGroupRef, VirtualNetworkGateway } from '../azure/model';
import { resourceGroupId, sameResourceId } from '../azure/resourceId';
import type { GraphLoad } from '../services/fleetDiscovery';
import type { AzureSession } from '../services/azureSession';
import type { TreeContext } from './treeNode';

export interface LevelSource {
  resourceGroups(subscriptionId: string): Promise<ResourceGroupRef[]>;
  gateways(group: ResourceGroupRef): Promise<VirtualNetworkGateway[]>;
  connections(gateway: VirtualNetworkGateway): Promise<Connection[]>;
}

/** What the nodes below the first level need: the context and where their children come from. */
export interface NodeContext extends TreeContext {
  levels: LevelSource;
}

export function resourceManagerLevels(azure: AzureSession): LevelSource {
  return {
    resourceGroups: async (subscriptionId) => (await azure.getApi()).listGatewayResourceGroups(subscriptionId),
    gateways: async (group) => (await azure.getApi()).listGateways(group),
    connections: async (gateway) => (await azure.getApi()).listConnections(gateway),
  };
}

const key = (id: string) => id.toLowerCase();

function byName<T extends { name: string }>(items: T[]): T[] {
  return items.sort((a, b) => a.name.localeCompare(b.name));
}

/** Groups other than its own that Graph (or this session's writes) says hold connections of the gateway. */
function otherGroupsOf(gateway: VirtualNetworkGateway, connections: readonly FleetConnection[]): ResourceGroupRef[] {
  const groups = new Map<string, ResourceGroupRef>();
  for (const connection of connections) {
    if (!sameResourceId(connection.gateway1Id, gateway.id) || connection.resourceGroup.toLowerCase() === gateway.resourceGroup.toLowerCase()) continue;
    const group = { subscriptionId: connection.subscriptionId, name: connection.resourceGroup };
    groups.set(key(resourceGroupId(group)), group);
  }
  return [...groups.values()];
}

export function resourceGraphLevels(load: GraphLoad, knownConnections: () => readonly FleetConnection[] | undefined): LevelSource {
  const groupsBySubscription = new Map<string, Map<string, ResourceGroupRef>>();
  const gatewaysByGroup = new Map<string, VirtualNetworkGateway[]>();
  for (const gateway of load.found.gateways) {
    const group = { subscriptionId: gateway.subscriptionId, name: gateway.resourceGroup };
    const groups = groupsBySubscription.get(key(gateway.subscriptionId)) ?? new Map<string, ResourceGroupRef>();
    groups.set(key(group.name), groups.get(key(group.name)) ?? group);
    groupsBySubscription.set(key(gateway.subscriptionId), groups);
    const groupKey = key(resourceGroupId(group));
    gatewaysByGroup.set(groupKey, [...(gatewaysByGroup.get(groupKey) ?? []), gateway]);
  }
  return {
    resourceGroups: async (subscriptionId) => byName([...(groupsBySubscription.get(key(subscriptionId))?.values() ?? [])]),
    gateways: async (group) => byName([...(gatewaysByGroup.get(key(resourceGroupId(group))) ?? [])]),
    connections: (gateway) => load.api.listConnectionsByGroup(gateway, otherGroupsOf(gateway, knownConnections() ?? [])),
  };
}
