import * as vscode from 'vscode';
import type { Subscription } from '../azure/model';
import { loadChildren } from './loadChildren';
import { ResourceGroupNode } from './resourceGroupNode';
import { subscriptionLook, subscriptionTreeId } from './treeModel';
import { treeItemFrom, type AzureResourceNode, type TreeContext, type TreeNode } from './treeNode';

export class SubscriptionNode implements AzureResourceNode {
  readonly id: string;
  readonly resourceId: string;

  constructor(
    private readonly context: TreeContext,
    readonly subscription: Subscription,
    private readonly tenantName: string | undefined,
  ) {
    this.id = subscriptionTreeId(subscription.subscriptionId);
    this.resourceId = this.id;
  }

  getTreeItem(): vscode.TreeItem {
    return treeItemFrom(this.id, subscriptionLook(this.subscription, this.tenantName), vscode.TreeItemCollapsibleState.Collapsed);
  }

  getChildren(): Promise<TreeNode[]> {
    return loadChildren(this.context, this, 'resource groups', 'No resource groups with gateways in this subscription', async () => {
      const api = await this.context.azure.getApi();
      const groups = await api.listGatewayResourceGroups(this.subscription.subscriptionId);
      return groups
        .map((group) => new ResourceGroupNode(this.context, this, group));
    });
  }
}
