// The shape every tree element has, what the elements need from the rest of the extension, and the
// base of every node with children: its look is drawn on every redraw, its children load once and
// stay until the node is refreshed (so a spinner on a row never calls Azure again).
import * as vscode from 'vscode';
import type { AzureSession } from '../services/azureSession';
import type { ConnectionActivities } from '../services/connectionActivities';
import type { FleetDiscovery } from '../services/fleetDiscovery';
import type { HeldKeys } from '../services/heldKeys';
import type { Log } from '../services/log';
import type { OtherHalves } from '../services/otherHalves';
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
  otherHalves: OtherHalves;
  fleet: FleetDiscovery;
}

export abstract class ParentNode implements TreeNode {
  abstract readonly id: string;
  /** What the children are called, for pickers and empty levels: "resource group". */
  abstract readonly childTypeLabel: string;
  /** The only kinds of node anywhere below, when known (details of a connection): pickers looking for another kind do not open it. */
  readonly kindsBelow?: readonly string[];
  private loading: Promise<TreeNode[]> | undefined;
  private loaded: TreeNode[] | undefined;

  abstract getTreeItem(): vscode.TreeItem;
  abstract getParent(): TreeNode | undefined;
  /** Reads the level from Azure; failures and empty levels are turned into items by the caller. */
  protected abstract loadChildren(): Promise<TreeNode[]>;

  getChildren(): Promise<TreeNode[]> {
    if (!this.loading) {
      const loading = this.loadChildren().then((children) => {
        if (this.loading === loading) this.loaded = children;
        return children;
      });
      this.loading = loading;
    }
    return this.loading;
  }

  /** The children as last loaded, without asking Azure; none when never loaded. */
  knownChildren(): readonly TreeNode[] {
    return this.loaded ?? [];
  }

  /** The next getChildren reads Azure again. */
  forgetChildren(): void {
    this.loading = undefined;
    this.loaded = undefined;
  }
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
