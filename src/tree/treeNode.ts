// The shape every tree element has, and what the elements need from the rest of the extension.
import * as vscode from 'vscode';
import type { AzureSession } from '../ui/azureSession';
import type { HeldKeys } from '../ui/heldKeys';
import type { Log } from '../ui/log';
import type { ConnectionActivities } from './connectionActivities';
import type { ItemLook } from './treeModel';

export interface TreeNode {
  /** Unique in the tree; from the ARM resource id for Azure resources. */
  readonly id: string;
  getTreeItem(): vscode.TreeItem;
  getChildren?(): Promise<TreeNode[]>;
  getParent?(): TreeNode | undefined;
}

/** A node that stands for an Azure resource (Copy Resource ID, Open in Portal). */
export interface AzureResourceNode extends TreeNode {
  readonly resourceId: string;
}

export function isAzureResourceNode(node: unknown): node is AzureResourceNode {
  return !!node && typeof (node as AzureResourceNode).resourceId === 'string';
}

export interface TreeContext {
  azure: AzureSession;
  log: Log;
  heldKeys: HeldKeys;
  activities: ConnectionActivities;
  /** Every level handed to VS Code is registered (replacing the parent's previous children), so a later refresh can name the instance VS Code knows. */
  adopt(parent: TreeNode | undefined, children: TreeNode[]): TreeNode[];
}

export function treeItemFrom(id: string, look: ItemLook, collapsible: vscode.TreeItemCollapsibleState): vscode.TreeItem {
  const item = new vscode.TreeItem(look.label, collapsible);
  item.id = id;
  item.description = look.description;
  item.tooltip = look.tooltip;
  // Screen readers (and tests finding a row by name) hear the label first, not the long tooltip.
  item.accessibilityInformation = { label: look.description ? `${look.label}, ${look.description}` : look.label };
  item.contextValue = look.contextValue;
  item.iconPath = new vscode.ThemeIcon(look.icon.id, look.icon.color ? new vscode.ThemeColor(look.icon.color) : undefined);
  return item;
}
