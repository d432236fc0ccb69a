// The first level of the tree: the subscriptions of the signed-in account, within the filter, each
// naming its tenant when there are several. Whether anyone is signed in is learnt here.
import * as vscode from 'vscode';
import type { AzureVpnApi } from '../azure/api';
import { AzureError } from '../azure/errors';
import type { Subscription, UnreadTenant } from '../azure/model';
import { showSubscriptionsWithoutGateways, subscriptionFilter } from '../services/settings';
import { subscriptionsInFilter } from '../services/subscriptionFilter';
import { resourceGraphLevels, resourceManagerLevels, type LevelSource, type NodeContext } from './levelSource';
import { failedLevel } from './loadChildren';
import { MessageNode } from './messageNodes';
import { SubscriptionNode } from './subscriptionNode';
import { ParentNode, type TreeContext, type TreeNode } from './treeNode';

export type SignInState = 'checking' | 'signedIn' | 'signedOut';

interface Listing {
  all: Subscription[];
  unread: UnreadTenant[];
  levels: LevelSource;
  /** Known only through Resource Graph: the walk shows every subscription. */
  holdsGateway?: (subscription: Subscription) => boolean;
}

/** Subscriptions without a gateway are left out of the first level (most of an enterprise's are); this says how many. */
function hiddenSubscriptionsHint(count: number): MessageNode {
  const label = count === 1 ? vscode.l10n.t('1 subscription without gateways hidden') : vscode.l10n.t('{0} subscriptions without gateways hidden', count);
  return new MessageNode(undefined, label, {
    key: 'hiddenSubscriptions',
    tooltip: vscode.l10n.t('Azure Resource Graph finds no virtual network gateway in them. Click to show every subscription (setting azureVpn.showSubscriptionsWithoutGateways).'),
    command: { title: vscode.l10n.t('Show Subscriptions Without Gateways'), command: 'workbench.action.openSettings', arguments: ['azureVpn.showSubscriptionsWithoutGateways'] },
  });
}

export class SubscriptionsLevel extends ParentNode {
  readonly id = '';
  readonly childTypeLabel = vscode.l10n.t({ message: 'subscription', comment: ['The kind of item a picker offers; completes "Select a {0}"'] });

  constructor(
    private readonly context: TreeContext,
    private readonly setSignInState: (state: SignInState) => void,
  ) {
    super();
  }

  getTreeItem(): vscode.TreeItem {
    return new vscode.TreeItem(vscode.l10n.t('Connections'));
  }

  getParent(): undefined {
    return undefined;
  }

  protected async loadChildren(): Promise<TreeNode[]> {
    let api: AzureVpnApi;
    let listing: Listing;
    try {
      api = await this.context.azure.getApi();
      listing = await this.listing(api);
    } catch (error) {
      if (error instanceof AzureError && error.kind === 'notSignedIn') {
        this.context.log.info(`Not signed in: ${error.message}`);
        this.setSignInState('signedOut');
        return [];
      }
      this.setSignInState('signedIn');
      return [failedLevel(this.context, undefined, vscode.l10n.t({ message: 'subscriptions', comment: ['What a tree level lists; completes "Could not load {0}"'] }), error)];
    }
    this.setSignInState('signedIn');
    const { all, unread, levels } = listing;
    const notes = unread.length ? [this.unreadTenantsNote(unread)] : [];
    if (all.length === 0) {
      return [...notes, new MessageNode(undefined, vscode.l10n.t('No subscriptions for this account'))];
    }
    const inFilter = subscriptionsInFilter(all, subscriptionFilter());
    if (inFilter.length === 0) {
      return [...notes, new MessageNode(undefined, vscode.l10n.t('No subscriptions selected. Select Subscriptions…'), { command: { title: vscode.l10n.t('Select Subscriptions…'), command: 'azureVpn.selectSubscriptions' } })];
    }
    const shown = listing.holdsGateway && !showSubscriptionsWithoutGateways() ? inFilter.filter(listing.holdsGateway) : inFilter;
    const tenantNames = await this.tenantNamesIfSeveral(api, shown);
    const context: NodeContext = { ...this.context, levels };
    const nodes = shown.map((subscription) => new SubscriptionNode(context, undefined, subscription, tenantNames?.get(subscription.tenantId)));
    const hidden = inFilter.length - shown.length;
    return [...notes, ...nodes, ...(hidden > 0 ? [hiddenSubscriptionsHint(hidden)] : [])];
  }

  /** The subscriptions, and where the levels below them come from: Resource Graph's discovery, or the Resource Manager walk. */
  private async listing(api: AzureVpnApi): Promise<Listing> {
    const load = await this.context.fleet.load(api);
    if (load.through === 'resourceManager') {
      const { subscriptions, unreadTenants } = await api.listSubscriptionsOfEveryTenant();
      return { all: subscriptions, unread: unreadTenants, levels: resourceManagerLevels(this.context.azure) };
    }
    const holding = new Set(load.withGateways.map((subscription) => subscription.subscriptionId));
    return {
      all: load.found.subscriptions,
      unread: load.found.unreadTenants,
      levels: resourceGraphLevels(load, () => this.context.fleet.connections),
      holdsGateway: (subscription) => holding.has(subscription.subscriptionId),
    };
  }

  /** A tenant whose subscriptions could not be listed is said so, not dropped: its subscriptions are missing below. */
  private unreadTenantsNote(unread: UnreadTenant[]): MessageNode {
    const lines = unread.map((tenant) => `${tenant.displayName ?? tenant.tenantId}: ${tenant.reason}`);
    lines.forEach((line) => this.context.log.warn(`Could not read the subscriptions of the tenant ${line}`));
    const label = unread.length === 1 ? vscode.l10n.t('1 tenant could not be read') : vscode.l10n.t('{0} tenants could not be read', unread.length);
    return new MessageNode(undefined, label, {
      key: 'unreadTenants',
      warning: true,
      description: unread.length === 1 ? lines[0] : undefined,
      tooltip: vscode.l10n.t({ message: '{0}\n\nIts subscriptions are not shown. Click to sign in again.', args: [lines.join('\n')], comment: ['{0} lists the tenants that could not be read, one a line, each with why'] }),
      command: { title: vscode.l10n.t('Sign In'), command: 'azureVpn.signIn' },
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
