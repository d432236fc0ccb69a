// What a command works on: the tree node it was started from, or, from the palette, a node picked
// from the tree itself (src/ui/treePicker.ts), filtered by the context values the command needs.
import * as l10n from '@vscode/l10n';
import type { Connection, VirtualNetworkGateway } from '../azure/model';
import { ConnectionNode } from '../tree/connectionNode';
import { GatewayNode } from '../tree/gatewayNode';
import type { TreeNode } from '../tree/treeNode';
import { withReadProgress } from '../ui/progress';
import { pickFromTree, type NodeFilter } from '../ui/treePicker';
import type { Services } from './services';

// Functions, not constants: the description is in the user's language, known once the extension is activated.
export const anyConnection = (): NodeFilter => ({ kind: 'connection', description: l10n.t('connections') });

export const connectionWithSharedKey = (): NodeFilter => ({
  kind: 'connection',
  require: { gateway: ['vpnGateway'], connection: ['sharedKey'] },
  description: l10n.t('connections with a shared key'),
});

export const vnet2vnetConnection = (): NodeFilter => ({ kind: 'connection', require: { connection: ['vnet2vnet'] }, description: l10n.t('VNet-to-VNet connections') });

export const vpnGateway = (): NodeFilter => ({ kind: 'gateway', require: { gateway: ['vpnGateway'] }, description: l10n.t('VPN gateways') });

/** IPsec and Vnet2Vnet connections: those with a tunnel to reset or edit. */
export const vpnConnection = (): NodeFilter => ({ kind: 'connection', require: { gateway: ['vpnGateway'], connection: ['vpnConnection'] }, description: l10n.t('VPN connections') });

export const siteToSiteWithSharedKey = (): NodeFilter => ({
  kind: 'connection',
  require: { gateway: ['vpnGateway'], connection: ['ipsec', 'sharedKey'] },
  description: l10n.t('site-to-site connections with a shared key'),
});

export const bgpGateway = (): NodeFilter => ({ kind: 'gateway', require: { gateway: ['bgp'] }, description: l10n.t('gateways with BGP') });

export const bgpPeer = (): NodeFilter => ({ kind: 'bgpPeer', require: { gateway: ['bgp'] }, description: l10n.t('BGP peers') });

export function pickNode(services: Services, node: TreeNode | undefined, filter: NodeFilter, title: string): Promise<TreeNode> {
  const ui = { input: services.input, whileLoading: <T>(run: () => Thenable<T>) => withReadProgress(l10n.t('{0}: loading…', title), run) };
  return pickFromTree(services.tree, filter, title, ui, node);
}

export async function connectionTarget(services: Services, node: TreeNode | undefined, filter: NodeFilter, title: string): Promise<Connection> {
  const picked = await pickNode(services, node, filter, title);
  if (!(picked instanceof ConnectionNode)) throw new Error(l10n.t('Picked {0}, which is not a connection.', picked.id));
  return picked.connection;
}

export async function gatewayTarget(services: Services, node: TreeNode | undefined, title: string): Promise<VirtualNetworkGateway> {
  const picked = await pickNode(services, node, vpnGateway(), title);
  if (!(picked instanceof GatewayNode)) throw new Error(l10n.t('Picked {0}, which is not a gateway.', picked.id));
  return picked.gateway;
}
