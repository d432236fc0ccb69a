// Leaf items that are not Azure resources: a message for an empty level, and an error with a retry.
import * as vscode from 'vscode';
import { contextValue } from './treeModel';
import type { TreeNode } from './treeNode';

export interface MessageLook {
  command?: vscode.Command;
  description?: string;
  tooltip?: string;
  /** A warning rather than information. */
  warning?: boolean;
  /** Tells apart two messages under one parent. */
  key?: string;
}

export class MessageNode implements TreeNode {
  readonly id: string;

  constructor(
    private readonly parent: TreeNode | undefined,
    private readonly message: string,
    private readonly look: MessageLook = {},
  ) {
    this.id = `${parent?.id ?? ''}/message${look.key ? `/${look.key}` : ''}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.message, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.look.description;
    item.tooltip = this.look.tooltip;
    // Screen readers (and tests finding a row by name) hear the message, not its long tooltip.
    item.accessibilityInformation = { label: this.look.description ? `${this.message}, ${this.look.description}` : this.message };
    item.iconPath = this.look.warning ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('info');
    item.contextValue = contextValue('message');
    item.command = this.look.command;
    return item;
  }

  getParent(): TreeNode | undefined {
    return this.parent;
  }
}

/** Shown in place of a level that failed to load; clicking it loads that level again. */
export class ErrorNode implements TreeNode {
  readonly id: string;

  readonly reason: string;

  constructor(
    readonly parent: TreeNode | undefined,
    /** What could not be loaded, e.g. "gateways". */
    readonly what: string,
    /** Kept so a picker walking this level can report the failure itself. */
    readonly error: unknown,
  ) {
    this.id = `${parent?.id ?? ''}/error`;
    this.reason = error instanceof Error ? error.message : String(error);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t({ message: 'Could not load {0}', args: [this.what], comment: ['{0} is what the level lists, e.g. "gateways"'] }), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = vscode.l10n.t({ message: '{0} Click to retry.', args: [this.reason], comment: ['{0} is why the level could not be loaded (a sentence)'] });
    item.tooltip = vscode.l10n.t({ message: '{0}\n\nClick to try again.', args: [this.reason], comment: ['{0} is why the level could not be loaded (a sentence)'] });
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    item.contextValue = contextValue('error');
    item.command = { title: vscode.l10n.t('Retry'), command: 'azureVpn.refresh', arguments: [this] };
    return item;
  }

  getParent(): TreeNode | undefined {
    return this.parent;
  }
}
