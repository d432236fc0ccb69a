import * as vscode from 'vscode';
import type { Connection, ConnectionRef } from '../azure/model';
import { connectionRef, connectionTreeId } from '../azure/resourceId';
import { detailNodes } from './detailNodes';
import { IkeSasNode } from './ikeSasNode';
import { connectionDetailKinds, policyItem, tunnelItems } from './tunnelLooks';
import { connectionLook } from './treeModel';
import { ParentNode, treeItemFrom, type AzureResourceNode, type TreeContext, type TreeNode } from './treeNode';

/** A VPN connection expands to its tunnels, its IPsec/IKE policy and its IKE SAs; an ExpressRoute one does not expand. */
export class ConnectionNode extends ParentNode implements AzureResourceNode {
  readonly id: string;
  readonly resourceId: string;
  readonly childTypeLabel = vscode.l10n.t({ message: 'detail', comment: ['The kind of item a picker offers; completes "Select a {0}"'] });
  readonly kindsBelow = connectionDetailKinds;
  /** Kept when the connection is read again: IKE SAs are read only on demand. */
  readonly ikeSecurityAssociations: IkeSasNode;
  private current: Connection;

  constructor(
    private readonly context: TreeContext,
    private readonly parent: TreeNode,
    /** The gateway this row is listed under (a Vnet2Vnet connection shows under both of its gateways). */
    readonly gatewayId: string,
    connection: Connection,
  ) {
    super();
    this.current = connection;
    this.id = connectionTreeId(connection, gatewayId);
    this.resourceId = connection.id;
    this.ikeSecurityAssociations = new IkeSasNode(context, this, () => this.ref);
  }

  get connection(): Connection {
    return this.current;
  }

  /** Replaced when the connection is read again (see ConnectionsTreeProvider.reloadConnection); its tunnels and policy follow. */
  set connection(connection: Connection) {
    this.current = connection;
    this.forgetChildren();
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
    const expands = this.connection.type === 'IPsec' || this.connection.type === 'Vnet2Vnet';
    return treeItemFrom(this.id, look, expands ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  }

  getParent(): TreeNode {
    return this.parent;
  }

  protected async loadChildren(): Promise<TreeNode[]> {
    const { tunnels = [], settings } = this.connection;
    return [...detailNodes(this, [...tunnelItems(tunnels), ...(settings ? [policyItem(settings)] : [])]), this.ikeSecurityAssociations];
  }
}
