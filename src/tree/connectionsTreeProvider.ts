// The "Connections" view: subscriptions → resource groups → gateways → connections.
import * as vscode from 'vscode';
import type { AzureVpnApi } from '../azure/api';
import { AzureError } from '../azure/errors';
import type { Subscription } from '../azure/model';
import { subscriptionsInFilter } from '../ui/pickerItems';
import { subscriptionFilter } from '../ui/settings';
import { ConnectionNode } from './connectionNode';
import { failedLevel } from './loadChildren';
import { ErrorNode, MessageNode } from './messageNodes';
import { SubscriptionNode } from './subscriptionNode';
import { sameResourceId } from './treeModel';
import type { TreeContext, TreeNode } from './treeNode';

export type SignInState = 'checking' | 'signedIn' | 'signedOut';

export class ConnectionsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly signInChanged = new vscode.EventEmitter<SignInState>();
  readonly onDidChangeSignInState = this.signInChanged.event;
  /** The latest instance of every node handed to VS Code, by tree id. */
  private readonly nodes = new Map<string, TreeNode>();
  /** The tree ids of each node's children (root: ''), to forget a level when it is loaded again. */
  private readonly childIds = new Map<string, string[]>();
  private readonly context: TreeContext;
  private readonly subscriptions: vscode.Disposable[];
  signInState: SignInState = 'checking';

  constructor(services: Omit<TreeContext, 'adopt'>) {
    this.context = { ...services, adopt: (parent, children) => this.adopt(parent, children) };
    this.subscriptions = [
      services.activities.onDidChange((connectionId) => this.redrawConnection(connectionId)),
      services.heldKeys.onDidChange(() => this.connectionNodes().forEach((node) => this.changed.fire(node))),
    ];
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  getChildren(node?: TreeNode): Promise<TreeNode[]> {
    return node ? (node.getChildren?.() ?? Promise.resolve([])) : this.loadSubscriptions();
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.getParent?.();
  }

  /** Loads a node's level again; an error or message item reloads its parent. No node: the whole tree. */
  refresh(node?: TreeNode): void {
    if (node instanceof ErrorNode || node instanceof MessageNode) {
      this.refresh(node.getParent());
      return;
    }
    const known = node && this.nodes.get(node.id);
    if (node && !known) {
      return;
    }
    this.changed.fire(known);
  }

  /** Every connection node on screen for that connection (a Vnet2Vnet shows under both gateways). */
  connectionNodes(connectionId?: string): ConnectionNode[] {
    return [...this.nodes.values()].filter(
      (node): node is ConnectionNode => node instanceof ConnectionNode && (!connectionId || sameResourceId(node.connection.id, connectionId)),
    );
  }

  /** Reads the connection again and redraws it; if it is gone, its gateways reload. */
  async reloadConnection(connectionId: string): Promise<void> {
    const nodes = this.connectionNodes(connectionId);
    if (!nodes.length) {
      return;
    }
    try {
      const api = await this.context.azure.getApi();
      const connection = await api.getConnection(nodes[0].ref);
      for (const node of nodes) {
        node.connection = connection;
        this.changed.fire(node);
      }
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
    const gateways = new Set(this.connectionNodes(connectionId).map((node) => node.gateway.id));
    for (const id of gatewayIds) {
      const known = [...this.nodes.values()].find((node) => sameResourceId(node.id, id));
      if (known) {
        gateways.add(known.id);
      }
    }
    gateways.forEach((id) => this.changed.fire(this.nodes.get(id)));
  }

  private redrawConnection(connectionId: string): void {
    this.connectionNodes(connectionId).forEach((node) => this.changed.fire(node));
  }

  private adopt(parent: TreeNode | undefined, children: TreeNode[]): TreeNode[] {
    const parentId = parent?.id ?? '';
    this.forgetChildren(parentId);
    children.forEach((child) => this.nodes.set(child.id, child));
    this.childIds.set(parentId, children.map((child) => child.id));
    return children;
  }

  private forgetChildren(parentId: string): void {
    for (const id of this.childIds.get(parentId) ?? []) {
      this.nodes.delete(id);
      this.forgetChildren(id);
    }
    this.childIds.delete(parentId);
  }

  private async loadSubscriptions(): Promise<TreeNode[]> {
    let api: AzureVpnApi;
    let all: Subscription[];
    try {
      api = await this.context.azure.getApi();
      all = await api.listSubscriptions();
    } catch (error) {
      if (error instanceof AzureError && error.kind === 'notSignedIn') {
        this.context.log.info(`Not signed in: ${error.message}`);
        this.setSignInState('signedOut');
        return this.adopt(undefined, []);
      }
      this.setSignInState('signedIn');
      return this.adopt(undefined, [failedLevel(this.context, undefined, 'subscriptions', error)]);
    }
    this.setSignInState('signedIn');
    if (all.length === 0) {
      return this.adopt(undefined, [new MessageNode(undefined, 'No subscriptions for this account')]);
    }
    const shown = subscriptionsInFilter(all, subscriptionFilter());
    if (shown.length === 0) {
      return this.adopt(undefined, [
        new MessageNode(undefined, 'No subscriptions selected. Select Subscriptions…', {
          title: 'Select Subscriptions…',
          command: 'azureVpn.selectSubscriptions',
        }),
      ]);
    }
    const tenantNames = await this.tenantNamesIfSeveral(api, shown);
    return this.adopt(
      undefined,
      shown
        .map((subscription) => new SubscriptionNode(this.context, subscription, tenantNames?.get(subscription.tenantId))),
    );
  }

  /** With subscriptions from several tenants, each subscription names its tenant. */
  private async tenantNamesIfSeveral(api: AzureVpnApi, subscriptions: Subscription[]): Promise<Map<string, string> | undefined> {
    const tenantIds = new Set(subscriptions.map((subscription) => subscription.tenantId));
    if (tenantIds.size < 2) {
      return undefined;
    }
    const names = new Map([...tenantIds].map((id) => [id, id]));
    try {
      for (const tenant of await api.listTenants()) {
        names.set(tenant.tenantId, tenant.displayName || tenant.defaultDomain || tenant.tenantId);
      }
    } catch (error) {
      this.context.log.warn(`Could not read tenant names: ${error instanceof Error ? error.message : String(error)}`);
    }
    return names;
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
  }
}
