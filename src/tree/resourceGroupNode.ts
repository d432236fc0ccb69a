import * as vscode from 'vscode';
import type { ResourceGroupRef } from '../azure/model';
import { GatewayNode } from './gatewayNode';
import { loadChildren } from './loadChildren';
import { resourceGroupLook, resourceGroupTreeId } from './treeModel';
import { treeItemFrom, type AzureResourceNode, type TreeContext, type TreeNode } from './treeNode';

export class ResourceGroupNode implements AzureResourceNode {
  readonly id: string;
  readonly resourceId: string;

  constructor(
    private readonly context: TreeContext,
    private readonly parent: TreeNode,
    readonly group: ResourceGroupRef,
  ) {
    this.id = resourceGroupTreeId(group);
    this.resourceId = this.id;
  }

  getTreeItem(): vscode.TreeItem {
    return treeItemFrom(this.id, resourceGroupLook(this.group), vscode.TreeItemCollapsibleState.Collapsed);
  }

  getChildren(): Promise<TreeNode[]> {
    return loadChildren(this.context, this, 'gateways', 'No gateways in this group', async () => {
      const api = await this.context.azure.getApi();
      const gateways = await api.listGateways(this.group);
      return gateways
        .map((gateway) => new GatewayNode(this.context, this, gateway));
    });
  }

  getParent(): TreeNode {
    return this.parent;
  }
}
