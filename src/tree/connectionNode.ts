import * as vscode from 'vscode';
import type { Connection, ConnectionRef } from '../azure/model';
import { connectionRef, connectionTreeId } from '../azure/resourceId';
import { connectionLook } from './treeModel';
import { treeItemFrom, type AzureResourceNode, type TreeContext, type TreeNode } from './treeNode';

export class ConnectionNode implements AzureResourceNode {
  readonly id: string;
  readonly resourceId: string;

  constructor(
    private readonly context: TreeContext,
    private readonly parent: TreeNode,
    /** The gateway this row is listed under (a Vnet2Vnet connection shows under both of its gateways). */
    readonly gatewayId: string,
    /** Replaced when the connection is read again (see ConnectionsTreeProvider.reloadConnection). */
    public connection: Connection,
  ) {
    this.id = connectionTreeId(connection, gatewayId);
    this.resourceId = connection.id;
  }

  get ref(): ConnectionRef {
    return connectionRef(this.connection);
  }

  getTreeItem(): vscode.TreeItem {
    const look = connectionLook(this.connection, {
      activity: this.context.activities.of(this.connection.id),
      heldKey: this.context.heldKeys.isHeld(this.connection.id),
      otherHalf: this.context.otherHalves.of(this.connection.id),
    });
    return treeItemFrom(this.id, look, vscode.TreeItemCollapsibleState.None);
  }

  getParent(): TreeNode {
    return this.parent;
  }
}
