// Turns the SDK's models into the extension's model (model.ts). Shared keys are dropped here,
// so nothing above the azure layer ever holds one by accident.
import type * as network from '@azure/arm-network';
import { toConnectionSettings, toTunnels } from './connectionSettings';
import type {
  Connection,
  ConnectionStatus,
  ConnectionType,
  GatewayKind,
  LocalNetworkGateway,
  VirtualNetworkGateway,
} from './model';
import { nameFromId, parseResourceId } from './resourceId';

type AnyConnection = network.VirtualNetworkGatewayConnection | network.VirtualNetworkGatewayConnectionListEntity;

const connectionStatuses: ConnectionStatus[] = ['Connected', 'Connecting', 'NotConnected', 'Unknown'];
const connectionTypes: ConnectionType[] = ['IPsec', 'Vnet2Vnet', 'ExpressRoute', 'VPNClient'];

/** Property names that hold secrets anywhere in an ARM resource or an SDK model. */
const secretProperties = new Set(['sharedkey', 'authorizationkey', 'sharedkeys']);

/** A copy without any secret property, at every depth. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutSecrets);
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([name]) => !secretProperties.has(name.toLowerCase()))
        .map(([name, inner]) => [name, withoutSecrets(inner)]),
    );
  }
  return value;
}

export function toConnection(resource: AnyConnection, authenticationType?: string, raw?: Record<string, unknown>): Connection {
  const type = connectionTypes.find((t) => t === resource.connectionType) ?? 'IPsec';
  const status = connectionStatuses.find((s) => s === resource.connectionStatus) ?? 'Unknown';
  const auth = authenticationType ?? ('authenticationType' in resource ? resource.authenticationType : undefined);
  const peerId = resource.localNetworkGateway2?.id ?? resource.virtualNetworkGateway2?.id ?? resource.peer?.id;
  return {
    ...placeOf(resource),
    type,
    status,
    provisioningState: resource.provisioningState ?? 'Unknown',
    protocol: resource.connectionProtocol,
    peerName: nameFromId(peerId),
    peerId,
    gateway1Id: resource.virtualNetworkGateway1?.id,
    ingressBytes: resource.ingressBytesTransferred,
    egressBytes: resource.egressBytesTransferred,
    authenticationType: auth,
    hasSharedKey: (type === 'IPsec' || type === 'Vnet2Vnet') && auth !== 'Certificate',
    tunnels: toTunnels(resource),
    settings: toConnectionSettings(resource),
    raw: raw ?? (withoutSecrets(resource) as Record<string, unknown>),
  };
}

/** A resource as Resource Manager's JSON has it (not the SDK's model, which lifts `properties`). */
export interface ArmResource {
  id?: string;
  name?: string;
  location?: string;
  properties?: Record<string, unknown>;
}

/** A connection from Resource Manager's JSON, in the SDK's shape (properties lifted) and kept as its details without a copy; no key is kept. */
export function connectionFromArm(resource: ArmResource): Connection {
  const model: Record<string, unknown> = { ...resource.properties, id: resource.id, name: resource.name, location: resource.location };
  for (const name of Object.keys(model)) {
    if (secretProperties.has(name.toLowerCase())) delete model[name];
  }
  return toConnection(model as unknown as network.VirtualNetworkGatewayConnection, undefined, model);
}

function gatewayKind(gatewayType: string | undefined): GatewayKind {
  if (gatewayType === 'Vpn') return 'Vpn';
  if (gatewayType === 'ExpressRoute') return 'ExpressRoute';
  if (gatewayType === 'LocalGateway') return 'LocalGateway';
  return 'Other';
}

/** Where a resource lives, read from its ARM id. */
function placeOf(resource: { id?: string; name?: string; location?: string }) {
  const id = resource.id ?? '';
  const parts = parseResourceId(id);
  return { id, name: resource.name ?? parts.name, subscriptionId: parts.subscriptionId, resourceGroup: parts.resourceGroup, location: resource.location ?? '' };
}

export function toGateway(resource: network.VirtualNetworkGateway): VirtualNetworkGateway {
  return {
    ...placeOf(resource),
    kind: gatewayKind(resource.gatewayType),
    sku: resource.sku?.name,
    activeActive: resource.active === true,
    vpnType: resource.vpnType,
    provisioningState: resource.provisioningState,
    bgpAsn: resource.enableBgp ? resource.bgpSettings?.asn : undefined,
  };
}

export function toLocalNetworkGateway(resource: network.LocalNetworkGateway): LocalNetworkGateway {
  return {
    ...placeOf(resource),
    gatewayIpAddress: resource.gatewayIpAddress,
    fqdn: resource.fqdn,
    addressPrefixes: resource.localNetworkAddressSpace?.addressPrefixes ?? [],
  };
}
