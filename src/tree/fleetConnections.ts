// Every connection of the fleet as the tree knows it: what Resource Graph indexed (with this
// session's writes), overridden by what was read live from Resource Manager when a gateway opened.
// Search and Show Only Problems read it; in the Resource Manager walk only the live part exists.
import { fleetConnectionOf, type FleetConnection } from '../azure/fleet';
import type { FleetDiscovery } from '../services/fleetDiscovery';
import { ConnectionNode } from './connectionNode';
import { GatewayNode } from './gatewayNode';
import { ResourceGroupNode } from './resourceGroupNode';
import { SubscriptionNode } from './subscriptionNode';
import type { TreeNode } from './treeNode';

export interface KnownConnection extends FleetConnection {
  /** The gateway it is listed under in the tree. */
  gatewayId: string;
  /** Read live from Resource Manager (its gateway was opened), rather than as Resource Graph indexed it. */
  live: boolean;
}

/** One entry per connection id: live rows replace Graph's. */
export function knownConnections(fleet: FleetDiscovery, nodes: Iterable<TreeNode>): KnownConnection[] {
  const byId = new Map<string, KnownConnection>();
  for (const row of fleet.connections ?? []) {
    if (row.gateway1Id) byId.set(row.id.toLowerCase(), { ...row, gatewayId: row.gateway1Id, live: false });
  }
  for (const node of nodes) {
    if (node instanceof ConnectionNode) byId.set(node.connection.id.toLowerCase(), { ...fleetConnectionOf(node.connection), gatewayId: node.gatewayId, live: true });
  }
  return [...byId.values()];
}

/** Whether Resource Graph's rows stand for the parts of the tree not read yet. */
export function graphCoversFleet(fleet: FleetDiscovery): boolean {
  return fleet.current?.through === 'resourceGraph' && fleet.connections !== undefined;
}

/** The levels above the connections: subscriptions, groups, gateways. */
export function isLevel(node: TreeNode): boolean {
  return node instanceof SubscriptionNode || node instanceof ResourceGroupNode || node instanceof GatewayNode;
}

/** Reads every level down to the connections, as a fully expanded view would (the walk has no other way to know the fleet). */
export async function readEveryLevel(tree: { getChildren(node?: TreeNode): Promise<TreeNode[]> }, node?: TreeNode): Promise<void> {
  const children = await tree.getChildren(node);
  await Promise.all(children.filter(isLevel).map((level) => readEveryLevel(tree, level)));
}

/** Subscription names by lower-case id, from the first level as loaded. */
export function subscriptionNames(nodes: Iterable<TreeNode>): Map<string, string> {
  const names = new Map<string, string>();
  for (const node of nodes) {
    if (node instanceof SubscriptionNode) names.set(node.subscription.subscriptionId.toLowerCase(), node.subscription.displayName);
  }
  return names;
}
