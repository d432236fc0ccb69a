import * as vscode from 'vscode';
import type { ResourceGroupRef } from '../azure/model';
import { resourceGroupId } from '../azure/resourceId';
import { GatewayNode } from './gatewayNode';
import type { NodeContext } from './levelSource';
import { levelOrMessage } from './loadChildren';
import { resourceGroupLook } from './treeModel';
import { ParentNode, treeItemFrom, type AzureResourceNode, type TreeNode } from './treeNode';

export class ResourceGroupNode extends ParentNode implements AzureResourceNode {
  readonly id: string;
  readonly resourceId: string;
  readonly childTypeLabel = vscode.l10n.t({ message: 'virtual network gateway', comment: ['The kind of item a picker offers; completes "Select a {0}"'] });

  constructor(
    private readonly context: NodeContext,
    private readonly parent: TreeNode,
    readonly group: ResourceGroupRef,
  ) {
    super();
    this.id = resourceGroupId(group);
    this.resourceId = this.id;
  }

  getTreeItem(): vscode.TreeItem {
    return treeItemFrom(this.id, resourceGroupLook(this.group), vscode.TreeItemCollapsibleState.Collapsed);
  }

  getParent(): TreeNode {
    return this.parent;
  }

  protected loadChildren(): Promise<TreeNode[]> {
    return levelOrMessage(this.context, this, vscode.l10n.t({ message: 'gateways', comment: ['What a tree level lists; completes "Could not load {0}"'] }), vscode.l10n.t('No gateways in this group'), async () => {
      const gateways = await this.context.levels.gateways(this.group);
      return gateways.map((gateway) => new GatewayNode(this.context, this, gateway));
    });
  }
}
