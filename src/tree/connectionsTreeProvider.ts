// The "Connections" view: subscriptions → resource groups → gateways → connections. Each level is
// loaded once and kept (see ParentNode): a refresh reloads a subtree, a redraw only repaints a row.
import * as vscode from 'vscode';
import { AzureError } from '../azure/errors';
import type { Connection } from '../azure/model';
import type { PickableTree } from '../ui/treePicker';
import { sameResourceId } from '../azure/resourceId';
import { ConnectionNode } from './connectionNode';
import { findConnectionNode, type ConnectionPlace } from './connectionPath';
import { ErrorNode, MessageNode } from './messageNodes';
import { ProblemFilter } from './problems';
import { SubscriptionsLevel, type SignInState } from './subscriptionsLevel';
import { ParentNode, type TreeContext, type TreeNode } from './treeNode';

export type { SignInState } from './subscriptionsLevel';

export class ConnectionsTreeProvider implements vscode.TreeDataProvider<TreeNode>, PickableTree<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly signInChanged = new vscode.EventEmitter<SignInState>();
  readonly onDidChangeSignInState = this.signInChanged.event;
  private readonly root: SubscriptionsLevel;
  private readonly subscriptions: vscode.Disposable[];
  signInState: SignInState = 'checking';
  readonly problems: ProblemFilter;
  private readonly levelRead = new vscode.EventEmitter<void>();
  /** Fires whenever a level is handed to the view or a picker (the badge counts what is known then). */
  readonly onDidReadLevel = this.levelRead.event;

  constructor(private readonly context: TreeContext) {
    this.root = new SubscriptionsLevel(context, (state) => this.setSignInState(state));
    this.problems = new ProblemFilter(context.fleet, () => this.knownNodes());
    this.subscriptions = [
      context.activities.onDidChange((connectionId) => this.connectionNodes(connectionId).forEach((node) => this.redraw(node))),
      context.heldKeys.onDidChange(() => this.connectionNodes().forEach((node) => this.redraw(node))),
      context.otherHalves.onDidChange((connectionId) => this.connectionNodes(connectionId).forEach((node) => this.redraw(node))),
      // What Show Only Problems hides depends on what Resource Graph says.
      context.fleet.onDidChange(() => {
        if (this.problems.on) this.changed.fire(undefined);
      }),
    ];
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  /** VS Code asks when it is about to show a row's tooltip: the other half of a VNet-to-VNet link is looked up then. */
  async resolveTreeItem(item: vscode.TreeItem, node: TreeNode): Promise<vscode.TreeItem> {
    if (!(node instanceof ConnectionNode)) return item;
    await this.context.otherHalves.lookUp(node.connection);
    item.tooltip = node.getTreeItem().tooltip;
    return item;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    const children = await ((node ?? this.root).getChildren?.() ?? Promise.resolve([]));
    this.levelRead.fire();
    return this.problems.filter(node, children);
  }

  /** Show Only Problems on or off: the whole tree repaints from what it holds. */
  showOnlyProblems(on: boolean): void {
    this.problems.on = on;
    this.changed.fire(undefined);
  }

  /** The node of a connection, its path loaded as the view loads it (whatever Show Only Problems hides). */
  findConnection(place: ConnectionPlace): Promise<ConnectionNode | undefined> {
    return findConnectionNode(() => this.root.getChildren(), place);
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.getParent?.();
  }

  /** For pickers drawn from the tree (src/ui/treePicker.ts): what a node's children are called. */
  childTypeLabel(node?: TreeNode): string {
    const level = node ?? this.root;
    return level instanceof ParentNode ? level.childTypeLabel : vscode.l10n.t({ message: 'item', comment: ['The kind of item a picker offers; completes "Select a {0}"'] });
  }

  /** For pickers: the only kinds of node below this one, when it knows them. */
  kindsBelow(node: TreeNode): readonly string[] | undefined {
    return node instanceof ParentNode ? node.kindsBelow : undefined;
  }

  /** For pickers: the failure an error item stands for. */
  failureOf(node: TreeNode): unknown {
    return node instanceof ErrorNode ? node.error : undefined;
  }

  /** Loads a node's level again; an error or message item reloads its parent. No node: the whole tree. */
  refresh(node?: TreeNode): void {
    if (node instanceof ErrorNode || node instanceof MessageNode) {
      this.refresh(node.getParent());
      return;
    }
    this.forget(node);
    this.changed.fire(node);
  }

  /** The next time anyone asks for the node's children they are read from Azure again; nothing is redrawn. */
  forget(node?: TreeNode): void {
    const level = node ?? this.root;
    if (level instanceof ParentNode) level.forgetChildren();
  }

  /** Repaints the row (label, icon, spinner) and keeps its children as they are. */
  redraw(node: TreeNode): void {
    this.changed.fire(node);
  }

  /** Every node loaded so far, parents before their children. */
  *knownNodes(from: TreeNode = this.root): Generator<TreeNode> {
    if (from !== this.root) yield from;
    if (from instanceof ParentNode) {
      for (const child of from.knownChildren()) yield* this.knownNodes(child);
    }
  }

  /** Every connection node on screen for that connection (a Vnet2Vnet shows under both gateways). */
  connectionNodes(connectionId?: string): ConnectionNode[] {
    return [...this.knownNodes()].filter(
      (node): node is ConnectionNode => node instanceof ConnectionNode && (!connectionId || sameResourceId(node.connection.id, connectionId)),
    );
  }

  /** Shows the connection as just read from Azure on every row of it. */
  update(connection: Connection): void {
    for (const node of this.connectionNodes(connection.id)) {
      node.connection = connection;
      this.redraw(node);
    }
  }

  /** Reads the connection again and redraws it; if it is gone, its gateways reload. */
  async reloadConnection(connectionId: string): Promise<void> {
    const nodes = this.connectionNodes(connectionId);
    if (!nodes.length) {
      return;
    }
    try {
      const api = await this.context.azure.getApi();
      this.update(await api.getConnection(nodes[0].ref));
    } catch (error) {
      if (error instanceof AzureError && error.kind === 'notFound') {
        this.refreshGatewaysOf(connectionId);
        return;
      }
      this.context.log.warn(`Could not read connection ${connectionId} again: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Reloads the connection lists that show (or should show) this connection. */
  refreshGatewaysOf(connectionId: string, ...gatewayIds: string[]): void {
    const shownUnder = this.connectionNodes(connectionId).map((node) => node.gatewayId);
    const gateways = [...this.knownNodes()].filter((node) => [...shownUnder, ...gatewayIds].some((id) => sameResourceId(node.id, id)));
    new Set(gateways).forEach((gateway) => this.refresh(gateway));
  }

  private setSignInState(state: SignInState): void {
    if (this.signInState !== state) {
      this.signInState = state;
      this.signInChanged.fire(state);
    }
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.changed.dispose();
    this.signInChanged.dispose();
    this.levelRead.dispose();
  }
}
