// What the extension knows about Azure, in the user's words. Built from ARM responses by the
// azure layer; the tree and the commands only ever see these shapes.
import type { ConnectionSettings, TunnelHealth } from './connectionSettings';

export interface Tenant {
  tenantId: string;
  displayName?: string;
  defaultDomain?: string;
}

/** A tenant of the account whose subscriptions could not be listed, and why. */
export interface UnreadTenant {
  tenantId: string;
  displayName?: string;
  reason: string;
}

export interface SubscriptionListing {
  subscriptions: Subscription[];
  unreadTenants: UnreadTenant[];
}

export interface Subscription {
  subscriptionId: string;
  displayName: string;
  tenantId: string;
  state?: string;
  /** Read from Azure Resource Graph, which may lag behind Resource Manager; undefined: from Resource Manager. */
  source?: 'resourceGraph';
}

export interface ResourceGroupRef {
  subscriptionId: string;
  name: string;
}

export type GatewayKind = 'Vpn' | 'ExpressRoute' | 'LocalGateway' | 'Other';

export interface VirtualNetworkGateway {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  kind: GatewayKind;
  sku?: string;
  activeActive: boolean;
  vpnType?: string;
  provisioningState?: string;
  /** The gateway's autonomous system number when BGP is enabled on it. */
  bgpAsn?: number;
  /** Read from Azure Resource Graph, which may lag behind Resource Manager; undefined: from Resource Manager. */
  source?: 'resourceGraph';
}

export interface LocalNetworkGateway {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  gatewayIpAddress?: string;
  fqdn?: string;
  addressPrefixes: string[];
}

export type ConnectionType = 'IPsec' | 'Vnet2Vnet' | 'ExpressRoute' | 'VPNClient';
export type ConnectionStatus = 'Connected' | 'Connecting' | 'NotConnected' | 'Unknown';

export interface Connection {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  type: ConnectionType;
  status: ConnectionStatus;
  provisioningState: string;
  protocol?: string;
  /** Name of what is on the other end: the local network gateway, peer gateway or circuit. */
  peerName?: string;
  peerId?: string;
  gateway1Id?: string;
  ingressBytes?: number;
  egressBytes?: number;
  authenticationType?: string;
  /** True when the connection has a pre-shared key (IPsec / Vnet2Vnet without certificate auth). */
  hasSharedKey: boolean;
  /** Its tunnels as Azure reports them (one per gateway instance); none when Azure does not say. */
  tunnels?: TunnelHealth[];
  /** What Edit Connection changes; undefined when the source did not say. */
  settings?: ConnectionSettings;
  /** The ARM resource as Azure returned it, without any shared key: for "Show Connection Details". */
  raw: Record<string, unknown>;
}

/** Points at one connection: everything an ARM call about it needs. */
export interface ConnectionRef {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

export type IkeVersion = 'IKEv1' | 'IKEv2';

export interface NewConnection {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  gatewayId: string;
  type: 'IPsec' | 'Vnet2Vnet';
  /** Local network gateway id (IPsec) or the other virtual network gateway id (Vnet2Vnet). */
  peerId: string;
  sharedKey: string;
  ikeVersion: IkeVersion;
}

/** What a long-running operation is doing now, for a progress notification. */
export type OperationPhase =
  | 'starting' // the request is being sent
  | 'applying' // Azure accepted it and is working (polling the operation)
  | 'waitingForConnection'; // the operation is done, the connection is still Updating

export interface OperationOptions {
  onProgress?: (phase: OperationPhase) => void;
  /** Aborting means "stop waiting": Azure goes on with what it was asked. */
  abortSignal?: AbortSignal;
}
