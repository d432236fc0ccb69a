// What the pickers offer that is not a tree node: subscriptions for the filter, and the other end of
// a new connection. No vscode import: unit-tested in plain Node.
import type { LocalNetworkGateway, Subscription, VirtualNetworkGateway } from '../azure/model';
import { sameResourceId } from '../azure/resourceId';
import { subscriptionsInFilter } from '../services/subscriptionFilter';

export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  picked?: boolean;
  value: T;
}

function byLabel<T>(items: PickItem<T>[]): PickItem<T>[] {
  return items.sort((a, b) => a.label.localeCompare(b.label));
}

/** Items for "Select Subscriptions…": the ones in the filter are ticked (all when the filter is empty). */
export function subscriptionFilterItems(subscriptions: Subscription[], filter: readonly string[]): PickItem<Subscription>[] {
  const shown = new Set(subscriptionsInFilter(subscriptions, filter).map((subscription) => subscription.subscriptionId));
  return byLabel(
    subscriptions.map((subscription) => ({
      label: subscription.displayName,
      description: subscription.subscriptionId,
      picked: shown.has(subscription.subscriptionId),
      value: subscription,
    })),
  );
}

/** The other end of a new Vnet2Vnet connection: any VPN gateway except this one. */
export function peerGatewayItems(gateways: VirtualNetworkGateway[], from: VirtualNetworkGateway): PickItem<VirtualNetworkGateway>[] {
  return byLabel(
    gateways
      .filter((gateway) => gateway.kind === 'Vpn' && !sameResourceId(gateway.id, from.id))
      .map((gateway) => ({
        label: gateway.name,
        description: `${gateway.resourceGroup} · ${gateway.location}`,
        detail: gateway.subscriptionId === from.subscriptionId ? undefined : `Subscription ${gateway.subscriptionId}`,
        value: gateway,
      })),
  );
}

/** Local network gateways of the subscription, those in the gateway's region first (a connection lives in that region). */
export function localNetworkGatewayItems(
  localGateways: LocalNetworkGateway[],
  from: VirtualNetworkGateway,
): PickItem<LocalNetworkGateway>[] {
  const elsewhere = (local: LocalNetworkGateway) => (local.location.toLowerCase() === from.location.toLowerCase() ? 0 : 1);
  return [...localGateways]
    .sort((a, b) => elsewhere(a) - elsewhere(b) || a.name.localeCompare(b.name))
    .map((local) => ({
      label: local.name,
      description: [local.gatewayIpAddress ?? local.fqdn, local.resourceGroup, local.location].filter(Boolean).join(' · '),
      detail: local.addressPrefixes.length ? local.addressPrefixes.join(', ') : undefined,
      value: local,
    }));
}
