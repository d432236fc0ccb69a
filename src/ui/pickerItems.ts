// What the pickers offer when a command starts without a tree node, and how the subscription
// filter is read and written. No vscode import: unit-tested in plain Node.
import type { Connection, LocalNetworkGateway, ResourceGroupRef, Subscription, VirtualNetworkGateway } from '../azure/model';
import { connectionLook, gatewayLook, sameResourceId } from '../tree/treeModel';

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

/** The `azureVpn.subscriptions` filter: empty means every subscription. */
export function subscriptionsInFilter(subscriptions: Subscription[], filter: readonly string[]): Subscription[] {
  if (filter.length === 0) {
    return subscriptions;
  }
  const wanted = new Set(filter.map((id) => id.toLowerCase()));
  return subscriptions.filter((subscription) => wanted.has(subscription.subscriptionId.toLowerCase()));
}

export function subscriptionItems(subscriptions: Subscription[], tenantNames?: Map<string, string>): PickItem<Subscription>[] {
  return byLabel(
    subscriptions.map((subscription) => ({
      label: subscription.displayName,
      description: tenantNames?.get(subscription.tenantId) ?? subscription.subscriptionId,
      value: subscription,
    })),
  );
}

/** Items for "Select Subscriptions…": the ones in the filter are ticked (all when the filter is empty). */
export function subscriptionFilterItems(subscriptions: Subscription[], filter: readonly string[]): PickItem<Subscription>[] {
  const shown = new Set(subscriptionsInFilter(subscriptions, filter).map((subscription) => subscription.subscriptionId));
  return subscriptionItems(subscriptions).map((item) => ({
    ...item,
    description: item.value.subscriptionId,
    picked: shown.has(item.value.subscriptionId),
  }));
}

/** The value written to `azureVpn.subscriptions`: empty when every subscription is chosen, so new ones show up too. */
export function filterFromSelection(all: Subscription[], chosen: Subscription[]): string[] {
  if (chosen.length === all.length) {
    return [];
  }
  return chosen.map((subscription) => subscription.subscriptionId);
}

export function resourceGroupItems(groups: ResourceGroupRef[]): PickItem<ResourceGroupRef>[] {
  return byLabel(groups.map((group) => ({ label: group.name, value: group })));
}

/** Key commands only offer VPN gateways: ExpressRoute connections have no shared key. */
export function gatewayItems(gateways: VirtualNetworkGateway[], onlyVpn: boolean): PickItem<VirtualNetworkGateway>[] {
  return byLabel(
    gateways
      .filter((gateway) => !onlyVpn || gateway.kind === 'Vpn')
      .map((gateway) => ({ label: gateway.name, description: gatewayLook(gateway).description, value: gateway })),
  );
}

export function connectionItems(connections: Connection[], onlyWithSharedKey: boolean): PickItem<Connection>[] {
  return byLabel(
    connections
      .filter((connection) => !onlyWithSharedKey || connection.hasSharedKey)
      .map((connection) => ({ label: connection.name, description: connectionLook(connection).description, value: connection })),
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
