// What the pickers offer that is not a tree node: subscriptions for the filter, and the other end of
// a new connection. No vscode import: unit-tested in plain Node.
import * as l10n from '@vscode/l10n';
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
        detail: gateway.subscriptionId === from.subscriptionId ? undefined : l10n.t('Subscription {0}', gateway.subscriptionId),
        value: gateway,
      })),
  );
}

/** ARM spells regions "westeurope"; some answers say "West Europe". */
function sameRegion(a: string, b: string): boolean {
  return a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();
}

/**
 * The local network gateways a new IPsec connection on this gateway can use: Azure takes only those in
 * the gateway's region. One that a connection of this gateway already uses is marked (it is allowed,
 * and usually a mistake).
 */
export function localNetworkGatewayItems(
  localGateways: LocalNetworkGateway[],
  from: VirtualNetworkGateway,
  usedBy: ReadonlyMap<string, string> = new Map(),
): PickItem<LocalNetworkGateway>[] {
  return localGateways
    .filter((local) => sameRegion(local.location, from.location))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((local) => {
      const user = usedBy.get(local.id.toLowerCase());
      return {
        label: local.name,
        description: [user && l10n.t({ message: 'in use by {0}', args: [user], comment: ['{0} is the connection that already uses this local network gateway'] }), local.gatewayIpAddress ?? local.fqdn, local.resourceGroup].filter(Boolean).join(' · '),
        detail: local.addressPrefixes.length ? local.addressPrefixes.join(', ') : undefined,
        value: local,
      };
    });
}
