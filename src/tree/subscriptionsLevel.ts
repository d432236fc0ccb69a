// The first level of the tree: the subscriptions of the signed-in account, within the filter, each
// naming its tenant when there are several. Whether anyone is signed in is learnt here.
import * as vscode from 'vscode';
import type { AzureVpnApi } from '../azure/api';
import { AzureError } from '../azure/errors';
import type { Subscription, UnreadTenant } from '../azure/model';
import { subscriptionFilter } from '../services/settings';
import { subscriptionsInFilter } from '../services/subscriptionFilter';
import { failedLevel } from './loadChildren';
import { MessageNode } from './messageNodes';
import { SubscriptionNode } from './subscriptionNode';
import { ParentNode, type TreeContext, type TreeNode } from './treeNode';

export type SignInState = 'checking' | 'signedIn' | 'signedOut';

export class SubscriptionsLevel extends ParentNode {
  readonly id = '';
  readonly childTypeLabel = 'subscription';

  constructor(
    private readonly context: TreeContext,
    private readonly setSignInState: (state: SignInState) => void,
  ) {
    super();
  }

  getTreeItem(): vscode.TreeItem {
    return new vscode.TreeItem('Connections');
  }

  getParent(): undefined {
    return undefined;
  }

  protected async loadChildren(): Promise<TreeNode[]> {
    let api: AzureVpnApi;
    let all: Subscription[];
    let unread: UnreadTenant[];
    try {
      api = await this.context.azure.getApi();
      ({ subscriptions: all, unreadTenants: unread } = await api.listSubscriptionsOfEveryTenant());
    } catch (error) {
      if (error instanceof AzureError && error.kind === 'notSignedIn') {
        this.context.log.info(`Not signed in: ${error.message}`);
        this.setSignInState('signedOut');
        return [];
      }
      this.setSignInState('signedIn');
      return [failedLevel(this.context, undefined, 'subscriptions', error)];
    }
    this.setSignInState('signedIn');
    const notes = unread.length ? [this.unreadTenantsNote(unread)] : [];
    if (all.length === 0) {
      return [...notes, new MessageNode(undefined, 'No subscriptions for this account')];
    }
    const shown = subscriptionsInFilter(all, subscriptionFilter());
    if (shown.length === 0) {
      return [...notes, new MessageNode(undefined, 'No subscriptions selected. Select Subscriptions…', { command: { title: 'Select Subscriptions…', command: 'azureVpn.selectSubscriptions' } })];
    }
    const tenantNames = await this.tenantNamesIfSeveral(api, shown);
    return [...notes, ...shown.map((subscription) => new SubscriptionNode(this.context, undefined, subscription, tenantNames?.get(subscription.tenantId)))];
  }

  /** A tenant whose subscriptions could not be listed is said so, not dropped: its subscriptions are missing below. */
  private unreadTenantsNote(unread: UnreadTenant[]): MessageNode {
    const lines = unread.map((tenant) => `${tenant.displayName ?? tenant.tenantId}: ${tenant.reason}`);
    lines.forEach((line) => this.context.log.warn(`Could not read the subscriptions of the tenant ${line}`));
    const label = unread.length === 1 ? '1 tenant could not be read' : `${unread.length} tenants could not be read`;
    return new MessageNode(undefined, label, {
      key: 'unreadTenants',
      warning: true,
      description: unread.length === 1 ? lines[0] : undefined,
      tooltip: `${lines.join('\n')}\n\nIts subscriptions are not shown. Click to sign in again.`,
      command: { title: 'Sign In', command: 'azureVpn.signIn' },
    });
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
}
