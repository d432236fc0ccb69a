// How each Azure object looks in the tree: label, description, tooltip, icon and context value.
// No vscode import, so the mapping is unit-tested in plain Node; the node classes turn it into TreeItems.
import * as l10n from '@vscode/l10n';
import type { OtherHalf } from '../azure/otherHalf';
import type { ConnectionActivity } from '../services/connectionActivities';
import type { Connection, ConnectionStatus, ConnectionType, ResourceGroupRef, Subscription, VirtualNetworkGateway } from '../azure/model';

export interface ItemIcon {
  /** A codicon id, e.g. `lock` or `loading~spin`. */
  id: string;
  /** A theme color id, e.g. `testing.iconPassed`. */
  color?: string;
}

export interface ItemLook {
  label: string;
  description?: string;
  tooltip: string;
  icon: ItemIcon;
  contextValue: string;
}

/** Context values are `;`-separated tokens, matched anchored in package.json: `viewItem =~ /(^|;)sharedKey(;|$)/`. */
export function contextValue(...tokens: (string | false | undefined)[]): string {
  return tokens.filter((token): token is string => !!token).join(';');
}

/** The tooltip line of what Resource Graph told rather than Resource Manager. */
const graphSays = () => l10n.t('As Azure Resource Graph last indexed it: it can lag behind Azure.');

export function subscriptionLook(subscription: Subscription, tenantName?: string): ItemLook {
  const disabled = subscription.state && subscription.state !== 'Enabled' ? subscription.state : undefined;
  return {
    label: subscription.displayName,
    description: [tenantName, disabled].filter(Boolean).join(' · ') || undefined,
    tooltip: lines(
      l10n.t('Subscription {0}', subscription.displayName),
      l10n.t('ID: {0}', subscription.subscriptionId),
      l10n.t('Tenant: {0}', tenantName ? `${tenantName} (${subscription.tenantId})` : subscription.tenantId),
      subscription.state && l10n.t('State: {0}', subscription.state),
      subscription.source === 'resourceGraph' && graphSays(),
    ),
    icon: { id: 'azure' },
    contextValue: contextValue('subscription', 'azureResource'),
  };
}

export function resourceGroupLook(group: ResourceGroupRef): ItemLook {
  return {
    label: group.name,
    tooltip: lines(l10n.t('Resource group {0}', group.name), l10n.t('Subscription: {0}', group.subscriptionId)),
    icon: { id: 'folder' },
    contextValue: contextValue('resourceGroup', 'azureResource'),
  };
}

export function gatewayLook(gateway: VirtualNetworkGateway): ItemLook {
  const failed = gateway.provisioningState === 'Failed';
  const description = [gateway.sku, gateway.activeActive && l10n.t('active-active'), failed && l10n.t('provisioning failed')]
    .filter(Boolean)
    .join(' · ');
  return {
    label: gateway.name,
    description: description || undefined,
    tooltip: lines(
      gatewayTitle(gateway),
      gateway.sku && l10n.t('SKU: {0}', gateway.sku),
      gateway.activeActive ? l10n.t('Active-active: yes') : l10n.t('Active-active: no'),
      gateway.vpnType && l10n.t('VPN type: {0}', gateway.vpnType),
      l10n.t('Location: {0}', gateway.location),
      gateway.provisioningState && l10n.t('Provisioning state: {0}', gateway.provisioningState),
      gateway.bgpAsn !== undefined && l10n.t('BGP: AS {0}', gateway.bgpAsn),
      gateway.source === 'resourceGraph' && graphSays(),
    ),
    icon: { id: gateway.kind === 'ExpressRoute' ? 'zap' : 'shield', color: failed ? 'errorForeground' : undefined },
    contextValue: contextValue('gateway', gateway.kind === 'Vpn' ? 'vpnGateway' : 'otherGateway', 'azureResource', gateway.bgpAsn !== undefined && 'bgp'),
  };
}

function gatewayTitle(gateway: VirtualNetworkGateway): string {
  if (gateway.kind === 'ExpressRoute') return l10n.t('ExpressRoute gateway {0}', gateway.name);
  return gateway.kind === 'Vpn' ? l10n.t('VPN gateway {0}', gateway.name) : l10n.t('Gateway {0}', gateway.name);
}

const typeIcons: Record<ConnectionType, string> = {
  IPsec: 'lock',
  Vnet2Vnet: 'arrow-swap',
  ExpressRoute: 'zap',
  VPNClient: 'device-desktop',
};

export const statusColors: Record<ConnectionStatus, string> = {
  Connected: 'testing.iconPassed',
  Connecting: 'testing.iconQueued',
  NotConnected: 'testing.iconFailed',
  Unknown: 'disabledForeground',
};

/** A connection's (or a tunnel's) status in words. */
export function statusWord(status: ConnectionStatus): string {
  switch (status) {
    case 'Connected':
      return l10n.t('Connected');
    case 'Connecting':
      return l10n.t('Connecting');
    case 'NotConnected':
      return l10n.t('Not connected');
    case 'Unknown':
      return l10n.t('Status unknown');
  }
}

/** What is running on a connection, in the words of its row. */
export function activityWords(activity: ConnectionActivity): string {
  switch (activity) {
    case 'resettingKey':
      return l10n.t('Resetting key…');
    case 'settingKey':
      return l10n.t('Setting key…');
    case 'deleting':
      return l10n.t('Deleting…');
    case 'creating':
      return l10n.t('Creating…');
    case 'resettingConnection':
      return l10n.t('Resetting connection…');
    case 'updating':
      return l10n.t('Updating…');
  }
}

export interface ConnectionState {
  /** An operation this window started and is still waiting for. */
  activity?: ConnectionActivity;
  /** A shared key the user chose that Azure has not confirmed; kept in SecretStorage. */
  heldKey?: boolean;
  /** What is known of the other half of a VNet-to-VNet link. */
  otherHalf?: OtherHalf;
}

/** "↔ cn-zrh-prod-we on vgw-zrh-01", in the words of the tooltip and the details document. */
export function describeOtherHalf(otherHalf: OtherHalf): string {
  if (otherHalf.found === 'one') return l10n.t('↔ {0} on {1}', otherHalf.connection.name, otherHalf.gatewayName);
  if (otherHalf.found === 'several') {
    const names = otherHalf.connections.map((c) => c.name).join(', ');
    return l10n.t('↔ {0} connections on {1} claim to be the other half: {2}', otherHalf.connections.length, otherHalf.gatewayName, names);
  }
  return l10n.t('↔ no other half: {0}', otherHalf.reason);
}

export function connectionLook(connection: Connection, state: ConnectionState = {}): ItemLook {
  // While an operation runs, the key it sends is held by design: only a key left over afterwards is news.
  const heldKey = state.heldKey && !state.activity;
  const updating = connection.provisioningState !== 'Succeeded' ? connection.provisioningState : undefined;
  // The status first: at the default sidebar width the end of a long row is cut off, and the icon shows the type.
  const description = state.activity
    ? activityWords(state.activity)
    : [statusWord(connection.status), updating, heldKey && l10n.t('unsaved key held'), connection.type]
        .filter(Boolean)
        .join(' · ');
  return {
    label: connection.name,
    description,
    tooltip: lines(
      l10n.t({ message: '{0} connection {1}', args: [connection.type, connection.name], comment: ['{0} is the connection type as Azure names it: IPsec, Vnet2Vnet, ExpressRoute'] }),
      l10n.t('Status: {0}', statusWord(connection.status)),
      connection.protocol && l10n.t('Protocol: {0}', connection.protocol),
      connection.peerName && l10n.t('Peer: {0}', connection.peerName),
      state.otherHalf && l10n.t('Other half {0}', describeOtherHalf(state.otherHalf)),
      l10n.t('Data in: {0} · Data out: {1}', formatBytes(connection.ingressBytes), formatBytes(connection.egressBytes)),
      l10n.t('Provisioning state: {0}', connection.provisioningState),
      heldKey && l10n.t('A shared key you chose was not confirmed by Azure; it is held until you retry or discard it.'),
      connection.authenticationType === 'Certificate' && l10n.t('Certificate authentication — no shared key.'),
    ),
    icon: state.activity
      ? { id: 'loading~spin' }
      : { id: typeIcons[connection.type] ?? 'plug', color: statusColors[connection.status] },
    contextValue: contextValue(
      'connection',
      connection.hasSharedKey && 'sharedKey',
      connection.type === 'Vnet2Vnet' && 'vnet2vnet',
      heldKey && 'heldKey',
      state.activity ? 'busy' : 'idle',
      'azureResource',
      (connection.type === 'IPsec' || connection.type === 'Vnet2Vnet') && 'vpnConnection',
      connection.type === 'IPsec' && 'ipsec',
    ),
  };
}

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) {
    return l10n.t({ message: 'unknown', comment: ['An amount of data Azure did not report'] });
  }
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

function lines(...parts: (string | false | undefined)[]): string {
  return parts.filter(Boolean).join('\n');
}
