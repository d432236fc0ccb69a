// What an engineer changes on a live connection (connection mode, DPD timeout, policy-based traffic
// selectors, routing weight, BGP, the custom IPsec/IKE policy) and its tunnels as Azure reports them,
// read from the SDK's models and written back onto a resource for a PUT.
import type * as network from '@azure/arm-network';
import * as l10n from '@vscode/l10n';

/** The swagger's enums, in its spelling. */
export const ipsecPolicyValues = {
  ikeEncryption: ['DES', 'DES3', 'AES128', 'AES192', 'AES256', 'GCMAES128', 'GCMAES256'],
  ikeIntegrity: ['MD5', 'SHA1', 'SHA256', 'SHA384', 'GCMAES128', 'GCMAES256'],
  dhGroup: ['None', 'DHGroup1', 'DHGroup2', 'DHGroup14', 'DHGroup2048', 'ECP256', 'ECP384', 'DHGroup24'],
  ipsecEncryption: ['None', 'DES', 'DES3', 'AES128', 'AES192', 'AES256', 'GCMAES128', 'GCMAES192', 'GCMAES256'],
  ipsecIntegrity: ['MD5', 'SHA1', 'SHA256', 'GCMAES128', 'GCMAES192', 'GCMAES256'],
  pfsGroup: ['None', 'PFS1', 'PFS2', 'PFS2048', 'ECP256', 'ECP384', 'PFS24', 'PFS14', 'PFSMM'],
} as const;

export type IpsecPolicyChoice = keyof typeof ipsecPolicyValues;

/** A custom IPsec/IKE policy: phase 1 (IKE), phase 2 (IPsec) and the phase 2 SA lifetime. */
export interface IpsecPolicy {
  ikeEncryption: string;
  ikeIntegrity: string;
  dhGroup: string;
  ipsecEncryption: string;
  ipsecIntegrity: string;
  pfsGroup: string;
  saLifeTimeSeconds: number;
  saDataSizeKilobytes: number;
}

export const connectionModes = ['Default', 'ResponderOnly', 'InitiatorOnly'] as const;
export type ConnectionMode = (typeof connectionModes)[number];

export interface ConnectionSettings {
  connectionMode: ConnectionMode;
  /** Undefined when read from a gateway's connection list, which leaves it out. */
  dpdTimeoutSeconds?: number;
  usePolicyBasedTrafficSelectors: boolean;
  routingWeight: number;
  enableBgp: boolean;
  /** Undefined: Azure's default policy. */
  ipsecPolicy?: IpsecPolicy;
}

/** One tunnel of a connection (an active-active gateway has one per instance). */
export interface TunnelHealth {
  name: string;
  status: string;
  ingressBytes?: number;
  egressBytes?: number;
  /** ISO time the tunnel last connected. */
  lastConnectedAt?: string;
}

/** Azure's default, for a connection that does not say (older api-versions leave it out). */
const defaultDpdTimeoutSeconds = 45;

type AnyConnection = network.VirtualNetworkGatewayConnection | network.VirtualNetworkGatewayConnectionListEntity;

export function toConnectionSettings(resource: AnyConnection): ConnectionSettings {
  const policy = resource.ipsecPolicies?.[0];
  const mode = connectionModes.find((m) => m === resource.connectionMode) ?? 'Default';
  return {
    connectionMode: mode,
    dpdTimeoutSeconds: 'dpdTimeoutSeconds' in resource ? (resource.dpdTimeoutSeconds ?? defaultDpdTimeoutSeconds) : undefined,
    usePolicyBasedTrafficSelectors: resource.usePolicyBasedTrafficSelectors === true,
    routingWeight: resource.routingWeight ?? 0,
    enableBgp: resource.enableBgp === true,
    ipsecPolicy: policy && { ...policy },
  };
}

export function toTunnels(resource: AnyConnection): TunnelHealth[] {
  return (resource.tunnelConnectionStatus ?? []).map((tunnel, index) => ({
    name: tunnel.tunnel ?? l10n.t({ message: 'Tunnel {0}', args: [index + 1], comment: ['The name of a tunnel Azure did not name: its number'] }),
    status: tunnel.connectionStatus ?? 'Unknown',
    ingressBytes: tunnel.ingressBytesTransferred,
    egressBytes: tunnel.egressBytesTransferred,
    lastConnectedAt: tunnel.lastConnectionEstablishedUtcTime,
  }));
}

/** The resource with the settings written over it, ready for a PUT (the key is not in it: an update ignores it). */
export function withSettings(resource: network.VirtualNetworkGatewayConnection, settings: ConnectionSettings): network.VirtualNetworkGatewayConnection {
  return {
    ...resource,
    connectionMode: settings.connectionMode,
    dpdTimeoutSeconds: settings.dpdTimeoutSeconds,
    usePolicyBasedTrafficSelectors: settings.usePolicyBasedTrafficSelectors,
    routingWeight: settings.routingWeight,
    enableBgp: settings.enableBgp,
    ipsecPolicies: settings.ipsecPolicy ? [settings.ipsecPolicy as network.IpsecPolicy] : [],
  };
}
