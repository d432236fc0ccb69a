// Rows of details (tunnels, a policy, IKE SAs and their fields): built from DetailItems, which say
// what they show; a row with details under it keeps them across redraws like every other level.
import * as vscode from 'vscode';
import { connectionDetailKinds, type DetailItem } from './tunnelLooks';
import { ParentNode, treeItemFrom, type TreeNode } from './treeNode';

function collapsibleState(item: DetailItem): vscode.TreeItemCollapsibleState {
  if (!item.children) return vscode.TreeItemCollapsibleState.None;
  return item.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
}

class DetailLeaf implements TreeNode {
  constructor(
    private readonly parent: TreeNode,
    readonly id: string,
    private readonly item: DetailItem,
  ) {}

  getTreeItem(): vscode.TreeItem {
    return treeItemFrom(this.id, this.item, collapsibleState(this.item));
  }

  getParent(): TreeNode {
    return this.parent;
  }
}

class DetailFolder extends ParentNode {
  readonly childTypeLabel = vscode.l10n.t({ message: 'detail', comment: ['The kind of item a picker offers; completes "Select a {0}"'] });
  readonly kindsBelow = connectionDetailKinds;

  constructor(
    private readonly parent: TreeNode,
    readonly id: string,
    private readonly item: DetailItem & { children: DetailItem[] },
  ) {
    super();
  }

  getTreeItem(): vscode.TreeItem {
    return treeItemFrom(this.id, this.item, collapsibleState(this.item));
  }

  getParent(): TreeNode {
    return this.parent;
  }

  protected async loadChildren(): Promise<TreeNode[]> {
    return detailNodes(this, this.item.children);
  }
}

/** The nodes for `items` under `parent`; their ids extend the parent's. */
export function detailNodes(parent: TreeNode, items: readonly DetailItem[]): TreeNode[] {
  return items.map((item) => {
    const id = `${parent.id}/${item.key}`;
    return item.children ? new DetailFolder(parent, id, { ...item, children: item.children }) : new DetailLeaf(parent, id, item);
  });
}
