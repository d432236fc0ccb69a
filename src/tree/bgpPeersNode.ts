// "BGP Peers" under a BGP-enabled gateway: its peers' sessions, read from Azure when expanded
// (getBgpPeerStatus is a long-running request) and kept until refreshed.
import * as vscode from 'vscode';
import type { BgpPeerSession } from '../azure/bgp';
import type { VirtualNetworkGateway } from '../azure/model';
import { bgpPeerLook, bgpPeersLook } from './bgpLooks';
import { levelOrMessage } from './loadChildren';
import { ParentNode, treeItemFrom, type TreeContext, type TreeNode } from './treeNode';

/** One session with a BGP peer; Show Advertised Routes asks Azure what the gateway tells it. */
export class BgpPeerNode implements TreeNode {
  readonly id: string;

  constructor(
    private readonly parent: BgpPeersNode,
    readonly session: BgpPeerSession,
    private readonly viaInstance: boolean,
  ) {
    this.id = `${parent.id}/${session.localAddress ?? ''}-${session.neighbor}`;
  }

  get gateway(): VirtualNetworkGateway {
    return this.parent.gateway;
  }

  getTreeItem(): vscode.TreeItem {
    return treeItemFrom(this.id, bgpPeerLook(this.session, this.viaInstance), vscode.TreeItemCollapsibleState.None);
  }

  getParent(): TreeNode {
    return this.parent;
  }
}

export class BgpPeersNode extends ParentNode {
  readonly id: string;
  readonly childTypeLabel = vscode.l10n.t({ message: 'BGP peer', comment: ['The kind of item a picker offers; completes "Select a {0}"'] });
  readonly kindsBelow = ['bgpPeer'];

  constructor(
    private readonly context: TreeContext,
    private readonly parent: TreeNode,
    readonly gateway: VirtualNetworkGateway,
  ) {
    super();
    this.id = `${gateway.id}/bgpPeers`;
  }

  getTreeItem(): vscode.TreeItem {
    return treeItemFrom(this.id, bgpPeersLook(this.gateway), vscode.TreeItemCollapsibleState.Collapsed);
  }

  getParent(): TreeNode {
    return this.parent;
  }

  protected loadChildren(): Promise<TreeNode[]> {
    return levelOrMessage(this.context, this, vscode.l10n.t({ message: 'BGP peers', comment: ['What a tree level lists; completes "Could not load {0}"'] }), vscode.l10n.t('No BGP peers: no connection of this gateway has BGP enabled'), async () => {
      const api = await this.context.azure.getApi();
      const sessions = await api.getBgpPeerSessions(this.gateway);
      const viaInstance = new Set(sessions.map((session) => session.localAddress)).size > 1;
      return sessions.map((session) => new BgpPeerNode(this, session, viaInstance));
    });
  }
}
