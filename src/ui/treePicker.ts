// Palette pickers drawn from the tree: a command that starts without a node walks the same children
// the Connections view shows, level by level, offering only what can lead to the kind of node it
// needs. A new level or node kind is pickable with no picker code. No vscode import (types only):
// the walk is unit-tested in plain Node.
import * as l10n from '@vscode/l10n';
import type * as vscode from 'vscode';
import { UserCancelledError } from './cancelled';
import type { PickItem } from './pickerItems';
import type { UserInput } from './userInput';

/** What the walk needs of a tree: the view's own TreeDataProvider. */
export interface PickableTree<N> {
  getChildren(node?: N): Thenable<N[]>;
  getTreeItem(node: N): vscode.TreeItem;
  /** What the children of this node (undefined: the root) are called, e.g. "resource group". */
  childTypeLabel(node: N | undefined): string;
  /** The failure an error item stands for; undefined for every other node. */
  failureOf(node: N): unknown;
  /** The only kinds of node anywhere below this one, when it knows them (a node of details); undefined: it may hold anything. */
  kindsBelow?(node: N): readonly string[] | undefined;
}

/** What a command works on, in context-value tokens (`connection;sharedKey;idle`: kind first). */
export interface NodeFilter {
  /** The first token of the node's context value, e.g. "connection". */
  kind: string;
  /** Tokens a node of that kind must carry, e.g. `{ gateway: ['vpnGateway'], connection: ['sharedKey'] }`. */
  require?: Record<string, readonly string[]>;
  /** In words, for an empty level: "connections with a shared key". */
  description: string;
}

export interface TreePickerUi {
  input: UserInput;
  /** Shows that a level is being read from Azure. */
  whileLoading<T>(run: () => Thenable<T>): Promise<T>;
}

function tokensOf(item: vscode.TreeItem): string[] {
  return (item.contextValue ?? '').split(';');
}

function text(value: string | vscode.TreeItemLabel | undefined): string {
  return typeof value === 'string' ? value : (value?.label ?? '');
}

function carriesRequired(tokens: string[], filter: NodeFilter): boolean {
  return (filter.require?.[tokens[0]] ?? []).every((token) => tokens.includes(token));
}

/** The node itself is what the command needs. */
function isTarget(item: vscode.TreeItem, filter: NodeFilter): boolean {
  const tokens = tokensOf(item);
  return tokens[0] === filter.kind && carriesRequired(tokens, filter);
}

/** The node may hold what the command needs: it has children, is not of the wanted kind, passes the filter for its own kind, and does not rule the kind out. */
function mayLeadTo(item: vscode.TreeItem, filter: NodeFilter, kindsBelow: readonly string[] | undefined): boolean {
  const tokens = tokensOf(item);
  // TreeItemCollapsibleState.None is 0: a leaf.
  return !!item.collapsibleState && tokens[0] !== filter.kind && carriesRequired(tokens, filter) && (!kindsBelow || kindsBelow.includes(filter.kind));
}

/**
 * Walks from `start` (or the root) down to a node the filter accepts. A level with exactly one way
 * on is not asked; the next question's title names it.
 */
export async function pickFromTree<N>(tree: PickableTree<N>, filter: NodeFilter, title: string, ui: TreePickerUi, start?: N): Promise<N> {
  if (start !== undefined) {
    const item = tree.getTreeItem(start);
    if (isTarget(item, filter)) return start;
    if (tokensOf(item)[0] === filter.kind) {
      void ui.input.showMessage('info', l10n.t({ message: "'{0}' is not one of the {1}.", args: [text(item.label), filter.description], comment: ['{1} is what the command works on, e.g. "connections with a shared key"'] }), {});
      throw new UserCancelledError();
    }
  }
  let parent = start;
  let heading = title;
  for (;;) {
    const children = await ui.whileLoading(() => tree.getChildren(parent));
    const failed = children.map((child) => tree.failureOf(child)).find((failure) => failure !== undefined);
    if (failed !== undefined) throw failed;
    const typeLabel = tree.childTypeLabel(parent);
    const choices = children
      .map((node) => ({ node, item: tree.getTreeItem(node) }))
      .filter(({ node, item }) => isTarget(item, filter) || mayLeadTo(item, filter, tree.kindsBelow?.(node)));
    if (choices.length === 0) {
      const none =
        parent === undefined
          ? l10n.t({ message: 'No {0}.', args: [filter.description], comment: ['{0} is what the command works on, e.g. "connections with a shared key"'] })
          : l10n.t({ message: "No {0} in '{1}'.", args: [filter.description, text(tree.getTreeItem(parent).label)], comment: ['{0} is what the command works on, e.g. "connections with a shared key"; {1} names a tree item'] });
      void ui.input.showMessage('info', none, {});
      throw new UserCancelledError();
    }
    const onlyWayOn = choices.length === 1 && !isTarget(choices[0].item, filter) ? choices[0] : undefined;
    const chosen = onlyWayOn ?? (await pickOne(ui.input, choices, heading, typeLabel));
    if (isTarget(chosen.item, filter)) {
      return chosen.node;
    }
    if (onlyWayOn) heading = `${title} — ${typeLabel} '${text(onlyWayOn.item.label)}'`;
    parent = chosen.node;
  }
}

async function pickOne<N>(input: UserInput, choices: { node: N; item: vscode.TreeItem }[], title: string, typeLabel: string) {
  const items: PickItem<{ node: N; item: vscode.TreeItem }>[] = choices.map((choice) => ({
    label: text(choice.item.label),
    description: typeof choice.item.description === 'string' ? choice.item.description : undefined,
    value: choice,
  }));
  const placeHolder = l10n.t({ message: 'Select a {0}', args: [typeLabel], comment: ['{0} is the kind of item offered, e.g. "resource group" or "connection"'] });
  const chosen = await input.pickOne(items, { title, placeHolder });
  if (!chosen) throw new UserCancelledError();
  return chosen;
}
