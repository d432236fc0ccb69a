import * as vscode from 'vscode';
import type { Connection, ConnectionRef } from '../azure/model';
import type { GatewayNode } from './gatewayNode';
import { connectionLook, connectionTreeId } from './treeModel';
import { treeItemFrom, type AzureResourceNode, type TreeContext } from './treeNode';

export class ConnectionNode implements AzureResourceNode {
  readonly id: string;
  readonly resourceId: string;

  constructor(
    private readonly context: TreeContext,
    readonly gateway: GatewayNode,
    /** Replaced when the connection is read again (see ConnectionsTreeProvider.reloadConnection). */
    public connection: Connection,
  ) {
    this.id = connectionTreeId(connection, gateway.gateway.id);
    this.resourceId = connection.id;
  }

  get ref(): ConnectionRef {
    return connectionRef(this.connection);
  }

  getTreeItem(): vscode.TreeItem {
    const look = connectionLook(this.connection, {
      activity: this.context.activities.of(this.connection.id),
      heldKey: this.context.heldKeys.isHeld(this.connection.id),
    });
    return treeItemFrom(this.id, look, vscode.TreeItemCollapsibleState.None);
  }

  getParent(): GatewayNode {
    return this.gateway;
  }
}

export function connectionRef(connection: Connection): ConnectionRef {
  return { subscriptionId: connection.subscriptionId, resourceGroup: connection.resourceGroup, name: connection.name };
}
