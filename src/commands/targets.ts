// What a command works on: the tree node it was started from, or, from the palette, a node picked
// from the tree itself (src/ui/treePicker.ts), filtered by the context values the command needs.
import type { Connection, VirtualNetworkGateway } from '../azure/model';
import { ConnectionNode } from '../tree/connectionNode';
import { GatewayNode } from '../tree/gatewayNode';
import type { TreeNode } from '../tree/treeNode';
import { withReadProgress } from '../ui/progress';
import { pickFromTree, type NodeFilter } from '../ui/treePicker';
import type { Services } from './services';

export const anyConnection: NodeFilter = { kind: 'connection', description: 'connections' };

export const connectionWithSharedKey: NodeFilter = {
  kind: 'connection',
  require: { gateway: ['vpnGateway'], connection: ['sharedKey'] },
  description: 'connections with a shared key',
};

export const vnet2vnetConnection: NodeFilter = { kind: 'connection', require: { connection: ['vnet2vnet'] }, description: 'VNet-to-VNet connections' };

export const vpnGateway: NodeFilter = { kind: 'gateway', require: { gateway: ['vpnGateway'] }, description: 'VPN gateways' };

/** IPsec and Vnet2Vnet connections: those with a tunnel to reset or edit. */
export const vpnConnection: NodeFilter = { kind: 'connection', require: { gateway: ['vpnGateway'], connection: ['vpnConnection'] }, description: 'VPN connections' };

export const siteToSiteWithSharedKey: NodeFilter = {
  kind: 'connection',
  require: { gateway: ['vpnGateway'], connection: ['ipsec', 'sharedKey'] },
  description: 'site-to-site connections with a shared key',
};

export const bgpGateway: NodeFilter = { kind: 'gateway', require: { gateway: ['bgp'] }, description: 'gateways with BGP' };

export const bgpPeer: NodeFilter = { kind: 'bgpPeer', require: { gateway: ['bgp'] }, description: 'BGP peers' };

export function pickNode(services: Services, node: TreeNode | undefined, filter: NodeFilter, title: string): Promise<TreeNode> {
  const ui = { input: services.input, whileLoading: <T>(run: () => Thenable<T>) => withReadProgress(`${title}: loading…`, run) };
  return pickFromTree(services.tree, filter, title, ui, node);
}

export async function connectionTarget(services: Services, node: TreeNode | undefined, filter: NodeFilter, title: string): Promise<Connection> {
  const picked = await pickNode(services, node, filter, title);
  if (!(picked instanceof ConnectionNode)) throw new Error(`Picked ${picked.id}, which is not a connection.`);
  return picked.connection;
}

export async function gatewayTarget(services: Services, node: TreeNode | undefined, title: string): Promise<VirtualNetworkGateway> {
  const picked = await pickNode(services, node, vpnGateway, title);
  if (!(picked instanceof GatewayNode)) throw new Error(`Picked ${picked.id}, which is not a gateway.`);
  return picked.gateway;
}
