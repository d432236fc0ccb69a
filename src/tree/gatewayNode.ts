import * as vscode from 'vscode';
import type { VirtualNetworkGateway } from '../azure/model';
import { BgpPeersNode } from './bgpPeersNode';
import { ConnectionNode } from './connectionNode';
import type { NodeContext } from './levelSource';
import { levelOrMessage } from './loadChildren';
import { ErrorNode } from './messageNodes';
import { gatewayLook } from './treeModel';
import { ParentNode, treeItemFrom, type AzureResourceNode, type TreeNode } from './treeNode';

export class GatewayNode extends ParentNode implements AzureResourceNode {
  readonly id: string;
  readonly resourceId: string;
  readonly childTypeLabel = vscode.l10n.t({ message: 'connection', comment: ['The kind of item a picker offers; completes "Select a {0}"'] });

  constructor(
    private readonly context: NodeContext,
    private readonly parent: TreeNode,
    readonly gateway: VirtualNetworkGateway,
  ) {
    super();
    this.id = gateway.id;
    this.resourceId = gateway.id;
  }

  getTreeItem(): vscode.TreeItem {
    return treeItemFrom(this.id, gatewayLook(this.gateway), vscode.TreeItemCollapsibleState.Collapsed);
  }

  getParent(): TreeNode {
    return this.parent;
  }

  protected async loadChildren(): Promise<TreeNode[]> {
    const connections = await levelOrMessage(this.context, this, vscode.l10n.t({ message: 'connections', comment: ['What a tree level lists; completes "Could not load {0}"'] }), vscode.l10n.t('No connections on this gateway'), async () => {
      const connections = await this.context.levels.connections(this.gateway);
      return connections.map((connection) => new ConnectionNode(this.context, this, this.gateway.id, connection));
    });
    // Beside its connections, once they are listed (a failed list is the level's one error item).
    const listed = !connections.some((node) => node instanceof ErrorNode);
    return this.gateway.bgpAsn !== undefined && listed ? [...connections, new BgpPeersNode(this.context, this, this.gateway)] : connections;
  }
}
