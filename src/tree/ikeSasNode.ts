// "IKE Security Associations" under a connection: read from Azure only when expanded (getIkeSas is a
// long-running request), kept across redraws and reads of the connection, read again on Refresh.
import * as vscode from 'vscode';
import type { ConnectionRef } from '../azure/model';
import { detailNodes } from './detailNodes';
import { levelOrMessage } from './loadChildren';
import { connectionDetailKinds, ikeSaItems, ikeSasLook } from './tunnelLooks';
import { ParentNode, treeItemFrom, type TreeContext, type TreeNode } from './treeNode';

export class IkeSasNode extends ParentNode {
  readonly id: string;
  readonly childTypeLabel = vscode.l10n.t({ message: 'IKE security association', comment: ['The kind of item a picker offers; completes "Select a {0}"'] });
  readonly kindsBelow = connectionDetailKinds;

  constructor(
    private readonly context: TreeContext,
    private readonly parent: TreeNode,
    /** The connection as it is now (it is replaced when read again). */
    private readonly connection: () => ConnectionRef,
  ) {
    super();
    this.id = `${parent.id}/ikeSas`;
  }

  getTreeItem(): vscode.TreeItem {
    return treeItemFrom(this.id, ikeSasLook(), vscode.TreeItemCollapsibleState.Collapsed);
  }

  getParent(): TreeNode {
    return this.parent;
  }

  protected loadChildren(): Promise<TreeNode[]> {
    return levelOrMessage(this.context, this, vscode.l10n.t({ message: 'IKE security associations', comment: ['What a tree level lists; completes "Could not load {0}"'] }), vscode.l10n.t('None: the tunnel is not established'), async () => {
      const api = await this.context.azure.getApi();
      return detailNodes(this, ikeSaItems(await api.getIkeSas(this.connection())));
    });
  }
}
