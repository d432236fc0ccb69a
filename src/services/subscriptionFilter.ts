// The `azureVpn.subscriptions` filter, as pure logic (no vscode import: unit-tested in plain Node).
import type { Subscription } from '../azure/model';

/** Empty means every subscription. */
export function subscriptionsInFilter(subscriptions: Subscription[], filter: readonly string[]): Subscription[] {
  if (filter.length === 0) {
    return subscriptions;
  }
  const wanted = new Set(filter.map((id) => id.toLowerCase()));
  return subscriptions.filter((subscription) => wanted.has(subscription.subscriptionId.toLowerCase()));
}

/** The value written to `azureVpn.subscriptions`: empty when every subscription is chosen, so new ones show up too. */
export function filterFromSelection(all: Subscription[], chosen: Subscription[]): string[] {
  if (chosen.length === all.length) {
    return [];
  }
  return chosen.map((subscription) => subscription.subscriptionId);
}
