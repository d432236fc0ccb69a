// Show Learned Routes (a BGP gateway, or its BGP Peers level) and Show Advertised Routes (a BGP
// peer): long-running reads, opened as read-only plain-text tables.
import * as l10n from '@vscode/l10n';
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
  const picked = await pickNode(services, node, bgpGateway(), title);
  if (!(picked instanceof GatewayNode)) throw new Error(l10n.t('Picked {0}, which is not a gateway.', picked.id));
  return picked.gateway;
}

export async function showLearnedRoutes(services: Services, node?: TreeNode): Promise<void> {
  const gateway = await gatewayWithBgp(services, node, l10n.t('Show Learned Routes'));
  await attempt({ what: l10n.t({ message: "read the routes '{0}' learned", args: [gateway.name], comment: ['Completes "Could not …." in a failure message'] }) }, async () => {
    const routes = await withLongRead(services, l10n.t("Reading the routes '{0}' learned", gateway.name), l10n.t('Azure is collecting the routes from the gateway…'), (api, options) =>
      api.getLearnedRoutes(gateway, options),
    );
    const heading = l10n.t("Routes the gateway '{0}' learned (its own network, static routes and BGP)", gateway.name);
    const table = routeTable(heading, routes, new Date(), l10n.t({ message: 'None.', comment: ['In place of the routes of a table when there are none'] }));
    await services.details.show(gateway.id, l10n.t('{0} learned routes', gateway.name), table, 'plaintext');
  });
}

export async function showAdvertisedRoutes(services: Services, node?: TreeNode): Promise<void> {
  const picked = await pickNode(services, node, bgpPeer(), l10n.t('Show Advertised Routes'));
  if (!(picked instanceof BgpPeerNode)) throw new Error(l10n.t('Picked {0}, which is not a BGP peer.', picked.id));
  const { gateway, session } = picked;
  const peer = session.neighbor;
  await attempt({ what: l10n.t({ message: "read the routes '{0}' advertises to {1}", args: [gateway.name, peer], comment: ['Completes "Could not …." in a failure message'] }) }, async () => {
    const routes = await withLongRead(services, l10n.t("Reading the routes '{0}' advertises to {1}", gateway.name, peer), l10n.t('Azure is collecting the routes from the gateway…'), (api, options) =>
      api.getAdvertisedRoutes(gateway, peer, options),
    );
    const heading = l10n.t("Routes the gateway '{0}' advertises to the BGP peer {1}", gateway.name, peer);
    const table = routeTable(heading, routes, new Date(), l10n.t('None: Azure advertises routes only to a peer whose session is Connected.'));
    await services.details.show(gateway.id, l10n.t('{0} routes advertised to {1}', gateway.name, peer), table, 'plaintext');
  });
}
