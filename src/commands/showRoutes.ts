// Show Learned Routes (a BGP gateway, or its BGP Peers level) and Show Advertised Routes (a BGP
// peer): long-running reads, opened as read-only plain-text tables.
import type { VirtualNetworkGateway } from '../azure/model';
import { BgpPeerNode, BgpPeersNode } from '../tree/bgpPeersNode';
import { GatewayNode } from '../tree/gatewayNode';
import type { TreeNode } from '../tree/treeNode';
import { routeTable } from '../ui/routeTable';
import { attempt } from './failures';
import { withLongRead } from './longRead';
import type { Services } from './services';
import { bgpGateway, bgpPeer, pickNode } from './targets';

async function gatewayWithBgp(services: Services, node: TreeNode | undefined, title: string): Promise<VirtualNetworkGateway> {
  if (node instanceof BgpPeersNode) return node.gateway;
  const picked = await pickNode(services, node, bgpGateway, title);
  if (!(picked instanceof GatewayNode)) throw new Error(`Picked ${picked.id}, which is not a gateway.`);
  return picked.gateway;
}

export async function showLearnedRoutes(services: Services, node?: TreeNode): Promise<void> {
  const gateway = await gatewayWithBgp(services, node, 'Show Learned Routes');
  await attempt({ what: `read the routes '${gateway.name}' learned` }, async () => {
    const routes = await withLongRead(services, `Reading the routes '${gateway.name}' learned`, 'Azure is collecting the routes from the gateway…', (api, options) =>
      api.getLearnedRoutes(gateway, options),
    );
    const table = routeTable(`Routes the gateway '${gateway.name}' learned (its own network, static routes and BGP)`, routes, new Date(), 'None.');
    await services.details.show(gateway.id, `${gateway.name} learned routes`, table, 'plaintext');
  });
}

export async function showAdvertisedRoutes(services: Services, node?: TreeNode): Promise<void> {
  const picked = await pickNode(services, node, bgpPeer, 'Show Advertised Routes');
  if (!(picked instanceof BgpPeerNode)) throw new Error(`Picked ${picked.id}, which is not a BGP peer.`);
  const { gateway, session } = picked;
  const peer = session.neighbor;
  await attempt({ what: `read the routes '${gateway.name}' advertises to ${peer}` }, async () => {
    const routes = await withLongRead(services, `Reading the routes '${gateway.name}' advertises to ${peer}`, 'Azure is collecting the routes from the gateway…', (api, options) =>
      api.getAdvertisedRoutes(gateway, peer, options),
    );
    const table = routeTable(`Routes the gateway '${gateway.name}' advertises to the BGP peer ${peer}`, routes, new Date(), 'None: Azure advertises routes only to a peer whose session is Connected.');
    await services.details.show(gateway.id, `${gateway.name} routes advertised to ${peer}`, table, 'plaintext');
  });
}
