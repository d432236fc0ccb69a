import * as vscode from 'vscode';
import type { Subscription } from '../azure/model';
import { subscriptionResourceId } from '../azure/resourceId';
import type { NodeContext } from './levelSource';
import { levelOrMessage } from './loadChildren';
import { ResourceGroupNode } from './resourceGroupNode';
import { subscriptionLook } from './treeModel';
import { ParentNode, treeItemFrom, type AzureResourceNode, type TreeNode } from './treeNode';

export class SubscriptionNode extends ParentNode implements AzureResourceNode {
  readonly id: string;
  readonly resourceId: string;
  readonly childTypeLabel = vscode.l10n.t({ message: 'resource group', comment: ['The kind of item a picker offers; completes "Select a {0}"'] });

  constructor(
    private readonly context: NodeContext,
    private readonly parent: TreeNode | undefined,
    readonly subscription: Subscription,
    private readonly tenantName: string | undefined,
  ) {
    super();
    this.id = subscriptionResourceId(subscription.subscriptionId);
    this.resourceId = this.id;
  }

  getTreeItem(): vscode.TreeItem {
    return treeItemFrom(this.id, subscriptionLook(this.subscription, this.tenantName), vscode.TreeItemCollapsibleState.Collapsed);
  }

  getParent(): TreeNode | undefined {
    return this.parent;
  }

  protected loadChildren(): Promise<TreeNode[]> {
    return levelOrMessage(this.context, this, vscode.l10n.t({ message: 'resource groups', comment: ['What a tree level lists; completes "Could not load {0}"'] }), vscode.l10n.t('No resource groups with gateways in this subscription'), async () => {
      const groups = await this.context.levels.resourceGroups(this.subscription.subscriptionId);
      return groups.map((group) => new ResourceGroupNode(this.context, this, group));
    });
  }
}
