// Builders for realistic network resources in the state-file shape (ARM `properties` as the
// 2025-01-01 swagger and its examples show them), shared by the default data and generated fleets.
import { createHash } from 'crypto';
import type { DeviceState, LocalNetworkGatewayState, ResourceState } from './types';

export type ConnectionStatus = 'Connected' | 'Connecting' | 'NotConnected' | 'Unknown';

export function armId(subscriptionId: string, group: string, type: string, name: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${group}/providers/Microsoft.Network/${type}/${name}`;
}

/** A GUID that is always the same for the same seed, so generated data is reproducible. */
export function stableGuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A reproducible alphanumeric key, for seeded data (never for keys the emulator generates on reset). */
export function stableKey(seed: string, length = 32): string {
  let key = '';
  for (let round = 0; key.length < length; round++) {
    key += createHash('sha256').update(`${seed}#${round}`).digest('base64').replace(/[^A-Za-z0-9]/g, '');
  }
  return key.slice(0, length);
}

interface Placement {
  subscriptionId: string;
  group: string;
  name: string;
  location: string;
  tags?: Record<string, string>;
}

export interface VpnGatewaySpec extends Placement {
  sku: string;
  activeActive?: boolean;
  enableBgp?: boolean;
  asn?: number;
  /** Second octet of the gateway's 10.x.0.0/16 network, so addresses differ between gateways. */
  network: number;
  generation?: 'Generation1' | 'Generation2';
}

function ipConfiguration(gatewayId: string, spec: Placement, name: string) {
  const vnet = armId(spec.subscriptionId, spec.group, 'virtualNetworks', `vnet-${spec.name}`);
  return {
    name,
    id: `${gatewayId}/ipConfigurations/${name}`,
    properties: {
      provisioningState: 'Succeeded',
      privateIPAllocationMethod: 'Dynamic',
      subnet: { id: `${vnet}/subnets/GatewaySubnet` },
      publicIPAddress: { id: armId(spec.subscriptionId, spec.group, 'publicIPAddresses', `pip-${spec.name}-${name}`) },
    },
  };
}

/** The envelope every resource shares: name, location, tags, a provisioning state and a stable GUID. */
function resource(spec: Placement, type: 'virtualNetworkGateways' | 'localNetworkGateways' | 'connections', properties: Record<string, unknown>): ResourceState {
  return {
    name: spec.name,
    location: spec.location,
    ...(spec.tags ? { tags: spec.tags } : {}),
    properties: { provisioningState: 'Succeeded', resourceGuid: stableGuid(armId(spec.subscriptionId, spec.group, type, spec.name)), ...properties },
  };
}

export function vpnGateway(spec: VpnGatewaySpec): ResourceState {
  const id = armId(spec.subscriptionId, spec.group, 'virtualNetworkGateways', spec.name);
  const configNames = spec.activeActive ? ['default', 'activeActive'] : ['default'];
  const ipConfigurations = configNames.map((n) => ipConfiguration(id, spec, n));
  const peering = (index: number) => `10.${spec.network}.255.${254 - index}`;
  return resource(spec, 'virtualNetworkGateways', {
    ipConfigurations,
    gatewayType: 'Vpn',
    vpnType: 'RouteBased',
    vpnGatewayGeneration: spec.generation ?? 'Generation2',
    enableBgp: spec.enableBgp ?? false,
    enablePrivateIpAddress: false,
    activeActive: spec.activeActive ?? false,
    disableIPSecReplayProtection: false,
    sku: { name: spec.sku, tier: spec.sku, capacity: 2 },
    bgpSettings: {
      asn: spec.asn ?? 65515,
      bgpPeeringAddress: configNames.map((_, i) => peering(i)).join(','),
      peerWeight: 0,
      bgpPeeringAddresses: ipConfigurations.map((config, i) => ({
        ipconfigurationId: config.id,
        defaultBgpIpAddresses: [peering(i)],
        customBgpIpAddresses: [],
        tunnelIpAddresses: [`198.51.100.${(spec.network * 2 + i) % 250}`],
      })),
    },
    natRules: [],
    enableBgpRouteTranslationForNat: false,
    allowVirtualWanTraffic: false,
    allowRemoteVnetTraffic: false,
    adminState: 'Enabled',
  });
}

export function expressRouteGateway(spec: Placement & { sku: string }): ResourceState {
  const id = armId(spec.subscriptionId, spec.group, 'virtualNetworkGateways', spec.name);
  return resource(spec, 'virtualNetworkGateways', {
    ipConfigurations: [ipConfiguration(id, spec, 'default')],
    gatewayType: 'ExpressRoute',
    vpnType: 'RouteBased',
    enableBgp: false,
    activeActive: false,
    sku: { name: spec.sku, tier: spec.sku, capacity: 2 },
    allowVirtualWanTraffic: false,
    allowRemoteVnetTraffic: false,
  });
}

export interface LocalNetworkGatewaySpec extends Placement {
  gatewayIpAddress?: string;
  fqdn?: string;
  addressPrefixes: string[];
  bgpAsn?: number;
  bgpPeeringAddress?: string;
  /** The simulated on-premises VPN device (none: its tunnels report Unknown). */
  device?: DeviceState;
}

export function localNetworkGateway(spec: LocalNetworkGatewaySpec): LocalNetworkGatewayState {
  const bgpSettings = { asn: spec.bgpAsn, bgpPeeringAddress: spec.bgpPeeringAddress ?? '169.254.21.2', peerWeight: 0 };
  return {
    ...resource(spec, 'localNetworkGateways', {
      localNetworkAddressSpace: { addressPrefixes: spec.addressPrefixes },
      ...(spec.gatewayIpAddress ? { gatewayIpAddress: spec.gatewayIpAddress } : {}),
      ...(spec.fqdn ? { fqdn: spec.fqdn } : {}),
      ...(spec.bgpAsn ? { bgpSettings } : {}),
    }),
    ...(spec.device ? { device: spec.device } : {}),
  };
}

export interface Traffic {
  status: ConnectionStatus;
  ingressBytes: number;
  egressBytes: number;
  /** Active-active gateways report one tunnel per instance. */
  tunnels?: number;
}

function trafficProperties(traffic: Traffic, gatewayIps: string[]) {
  const connected = traffic.status === 'Connected';
  const tunnels = connected && traffic.tunnels && traffic.tunnels > 1 ? traffic.tunnels : 0;
  return {
    connectionStatus: traffic.status,
    ingressBytesTransferred: traffic.ingressBytes,
    egressBytesTransferred: traffic.egressBytes,
    ...(tunnels
      ? {
          tunnelConnectionStatus: Array.from({ length: tunnels }, (_, i) => ({
            tunnel: `${gatewayIps[i % gatewayIps.length]}_${i}`,
            connectionStatus: 'Connected',
            ingressBytesTransferred: Math.floor(traffic.ingressBytes / tunnels),
            egressBytesTransferred: Math.floor(traffic.egressBytes / tunnels),
            lastConnectionEstablishedUtcTime: '2025-11-03T07:41:12.000Z',
          })),
        }
      : {}),
  };
}

function vpnConnectionDefaults(protocol: 'IKEv1' | 'IKEv2') {
  return {
    connectionProtocol: protocol,
    routingWeight: 0,
    dpdTimeoutSeconds: 45,
    enableBgp: false,
    useLocalAzureIpAddress: false,
    usePolicyBasedTrafficSelectors: false,
    ipsecPolicies: [],
    trafficSelectorPolicies: [],
    connectionMode: 'Default',
  };
}

export interface IpsecConnectionSpec extends Placement {
  gatewayId: string;
  localGatewayId: string;
  traffic: Traffic;
  protocol?: 'IKEv1' | 'IKEv2';
  /** Omitted for certificate authentication, which has no pre-shared key. */
  sharedKey?: string;
  certificateAuthentication?: boolean;
  /** BGP over the tunnel with the local network gateway's bgpSettings. */
  enableBgp?: boolean;
  /** A custom IPsec/IKE policy (at most one), in the swagger's IpsecPolicy shape. */
  ipsecPolicies?: Array<Record<string, unknown>>;
}

export function ipsecConnection(spec: IpsecConnectionSpec): ResourceState {
  const certificate = spec.certificateAuthentication
    ? {
        authenticationType: 'Certificate',
        certificateAuthentication: {
          outboundAuthCertificate: `https://kv-vpn-certs.vault.azure.net/certificates/${spec.name}-out/1`,
          inboundAuthCertificateSubjectName: `CN=${spec.name}.branch.example`,
          inboundAuthCertificateChain: ['MIIC+TCCAeGgAwIBAgIQ...'],
        },
      }
    : {};
  return resource(spec, 'connections', {
    connectionType: 'IPsec',
    virtualNetworkGateway1: { id: spec.gatewayId },
    localNetworkGateway2: { id: spec.localGatewayId },
    ...vpnConnectionDefaults(spec.protocol ?? 'IKEv2'),
    ...(spec.enableBgp ? { enableBgp: true } : {}),
    ...(spec.ipsecPolicies ? { ipsecPolicies: spec.ipsecPolicies } : {}),
    ...(spec.sharedKey !== undefined ? { sharedKey: spec.sharedKey } : {}),
    ...certificate,
    ...trafficProperties(spec.traffic, ['203.0.113.4', '203.0.113.5']),
  });
}

export function vnet2vnetConnection(
  spec: Placement & { gatewayId: string; peerGatewayId: string; sharedKey: string; traffic: Traffic },
): ResourceState {
  return resource(spec, 'connections', {
    connectionType: 'Vnet2Vnet',
    virtualNetworkGateway1: { id: spec.gatewayId },
    virtualNetworkGateway2: { id: spec.peerGatewayId },
    ...vpnConnectionDefaults('IKEv2'),
    sharedKey: spec.sharedKey,
    ...trafficProperties(spec.traffic, ['198.51.100.7', '198.51.100.8']),
  });
}

export function expressRouteConnection(
  spec: Placement & { gatewayId: string; circuitId: string; traffic: Traffic },
): ResourceState {
  return resource(spec, 'connections', {
    connectionType: 'ExpressRoute',
    virtualNetworkGateway1: { id: spec.gatewayId },
    peer: { id: spec.circuitId },
    routingWeight: 10,
    enableBgp: false,
    expressRouteGatewayBypass: false,
    enablePrivateLinkFastPath: false,
    ...trafficProperties(spec.traffic, []),
  });
}
