// Finds a connection's node by walking the tree's own levels down its gateway's path (subscription
// → group → gateway → connection), loading each level as the view would, so the view can reveal it.
import { parseResourceId, resourceGroupId, sameResourceId, subscriptionResourceId } from '../azure/resourceId';
import { ConnectionNode } from './connectionNode';
import type { TreeNode } from './treeNode';

/** Where a connection shows: under the gateway it is listed under. */
export interface ConnectionPlace {
  id: string;
  gatewayId: string;
}

export async function findConnectionNode(rootChildren: () => Promise<TreeNode[]>, place: ConnectionPlace): Promise<ConnectionNode | undefined> {
  const gateway = parseResourceId(place.gatewayId);
  const path = [subscriptionResourceId(gateway.subscriptionId), resourceGroupId({ subscriptionId: gateway.subscriptionId, name: gateway.resourceGroup }), place.gatewayId];
  let children = await rootChildren();
  for (const id of path) {
    const next = children.find((child) => sameResourceId(child.id, id));
    if (!next?.getChildren) return undefined;
    children = await next.getChildren();
  }
  return children.find((child): child is ConnectionNode => child instanceof ConnectionNode && sameResourceId(child.connection.id, place.id));
}
