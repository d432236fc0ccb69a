// How each Azure object looks in the tree: label, description, tooltip, icon and context value.
// No vscode import, so the mapping is unit-tested in plain Node; the node classes turn it into TreeItems.
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
const graphSays = 'As Azure Resource Graph last indexed it: it can lag behind Azure.';

export function subscriptionLook(subscription: Subscription, tenantName?: string): ItemLook {
  const disabled = subscription.state && subscription.state !== 'Enabled' ? subscription.state : undefined;
  return {
    label: subscription.displayName,
    description: [tenantName, disabled].filter(Boolean).join(' · ') || undefined,
    tooltip: lines(
      `Subscription ${subscription.displayName}`,
      `ID: ${subscription.subscriptionId}`,
      `Tenant: ${tenantName ? `${tenantName} (${subscription.tenantId})` : subscription.tenantId}`,
      subscription.state && `State: ${subscription.state}`,
      subscription.source === 'resourceGraph' && graphSays,
    ),
    icon: { id: 'azure' },
    contextValue: contextValue('subscription', 'azureResource'),
  };
}

export function resourceGroupLook(group: ResourceGroupRef): ItemLook {
  return {
    label: group.name,
    tooltip: lines(`Resource group ${group.name}`, `Subscription: ${group.subscriptionId}`),
    icon: { id: 'folder' },
    contextValue: contextValue('resourceGroup', 'azureResource'),
  };
}

export function gatewayLook(gateway: VirtualNetworkGateway): ItemLook {
  const failed = gateway.provisioningState === 'Failed';
  const description = [gateway.sku, gateway.activeActive && 'active-active', failed && 'provisioning failed']
    .filter(Boolean)
    .join(' · ');
  return {
    label: gateway.name,
    description: description || undefined,
    tooltip: lines(
      `${gatewayKindName(gateway)} ${gateway.name}`,
      gateway.sku && `SKU: ${gateway.sku}`,
      `Active-active: ${gateway.activeActive ? 'yes' : 'no'}`,
      gateway.vpnType && `VPN type: ${gateway.vpnType}`,
      `Location: ${gateway.location}`,
      gateway.provisioningState && `Provisioning state: ${gateway.provisioningState}`,
      gateway.bgpAsn !== undefined && `BGP: AS ${gateway.bgpAsn}`,
      gateway.source === 'resourceGraph' && graphSays,
    ),
    icon: { id: gateway.kind === 'ExpressRoute' ? 'zap' : 'shield', color: failed ? 'errorForeground' : undefined },
    contextValue: contextValue('gateway', gateway.kind === 'Vpn' ? 'vpnGateway' : 'otherGateway', 'azureResource', gateway.bgpAsn !== undefined && 'bgp'),
  };
}

function gatewayKindName(gateway: VirtualNetworkGateway): string {
  return gateway.kind === 'ExpressRoute' ? 'ExpressRoute gateway' : gateway.kind === 'Vpn' ? 'VPN gateway' : 'Gateway';
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

export const statusWords: Record<ConnectionStatus, string> = {
  Connected: 'Connected',
  Connecting: 'Connecting',
  NotConnected: 'Not connected',
  Unknown: 'Status unknown',
};

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
  if (otherHalf.found === 'one') return `↔ ${otherHalf.connection.name} on ${otherHalf.gatewayName}`;
  if (otherHalf.found === 'several') return `↔ ${otherHalf.connections.length} connections on ${otherHalf.gatewayName} claim to be the other half: ${otherHalf.connections.map((c) => c.name).join(', ')}`;
  return `↔ no other half: ${otherHalf.reason}`;
}

export function connectionLook(connection: Connection, state: ConnectionState = {}): ItemLook {
  // While an operation runs, the key it sends is held by design: only a key left over afterwards is news.
  const heldKey = state.heldKey && !state.activity;
  const updating = connection.provisioningState !== 'Succeeded' ? connection.provisioningState : undefined;
  // The status first: at the default sidebar width the end of a long row is cut off, and the icon shows the type.
  const description = state.activity
    ? state.activity
    : [statusWords[connection.status], updating, heldKey && 'unsaved key held', connection.type]
        .filter(Boolean)
        .join(' · ');
  return {
    label: connection.name,
    description,
    tooltip: lines(
      `${connection.type} connection ${connection.name}`,
      `Status: ${statusWords[connection.status]}`,
      connection.protocol && `Protocol: ${connection.protocol}`,
      connection.peerName && `Peer: ${connection.peerName}`,
      state.otherHalf && `Other half ${describeOtherHalf(state.otherHalf)}`,
      `Data in: ${formatBytes(connection.ingressBytes)} · Data out: ${formatBytes(connection.egressBytes)}`,
      `Provisioning state: ${connection.provisioningState}`,
      heldKey && 'A shared key you chose was not confirmed by Azure; it is held until you retry or discard it.',
      connection.authenticationType === 'Certificate' && 'Certificate authentication — no shared key.',
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
    return 'unknown';
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
