// Where a tunnel's ends are, as the troubleshooting routes report them: a gateway's instances
// (tunnel and BGP addresses from its bgpSettings), the remote end of a connection (the local
// network gateway's address, or the other gateway's), its BGP peer, and stable made-up numbers.
import { createHash } from 'crypto';
import type { Backend } from './backend';
import type { Link } from './tunnels';
import type { StoredConnection, StoredResource } from './world';

/** When the initial data's tunnels came up: the stored lastConnectionEstablishedUtcTime (builders.ts). */
const INITIAL_UP_SINCE = Date.parse('2025-11-03T07:41:12.000Z');

export interface Instance {
  tunnelIp: string;
  bgpIp: string;
}

interface BgpSettings {
  asn?: number;
  bgpPeeringAddress?: string;
  bgpPeeringAddresses?: Array<{ defaultBgpIpAddresses?: string[]; tunnelIpAddresses?: string[] }>;
}

const bgpOf = (r: StoredResource | undefined) => r?.properties.bgpSettings as BgpSettings | undefined;
const refId = (c: StoredConnection, key: string) => (c.properties[key] as { id?: string } | undefined)?.id ?? '';

/** One entry per gateway instance (two when active-active). */
export function instances(gateway: StoredResource | undefined): Instance[] {
  const addresses = bgpOf(gateway)?.bgpPeeringAddresses ?? [];
  const found = addresses.map((a) => ({ tunnelIp: a.tunnelIpAddresses?.[0] ?? '', bgpIp: a.defaultBgpIpAddresses?.[0] ?? '' }));
  return found.length > 0 ? found : [{ tunnelIp: '', bgpIp: bgpOf(gateway)?.bgpPeeringAddress?.split(',')[0] ?? '' }];
}

export function gatewayOf(b: Backend, c: StoredConnection, key = 'virtualNetworkGateway1'): StoredResource | undefined {
  return b.world.resolve(refId(c, key), 'virtualNetworkGateways')?.resource;
}

export function localGatewayOf(b: Backend, c: StoredConnection): StoredResource | undefined {
  return b.world.resolve(refId(c, 'localNetworkGateway2'), 'localNetworkGateways')?.resource;
}

/** The public address of the other end: the on-premises device, or the other gateway's first instance. */
export function remoteEndpoint(b: Backend, c: StoredConnection): string {
  if (c.properties.connectionType === 'Vnet2Vnet') return instances(gatewayOf(b, c, 'virtualNetworkGateway2'))[0].tunnelIp;
  const local = localGatewayOf(b, c)?.properties;
  return String(local?.gatewayIpAddress ?? local?.fqdn ?? '');
}

/** The BGP speaker at the other end, if it has one. */
export function remoteBgp(b: Backend, c: StoredConnection): { asn: number; address: string } | undefined {
  const settings = c.properties.connectionType === 'Vnet2Vnet' ? bgpOf(gatewayOf(b, c, 'virtualNetworkGateway2')) : bgpOf(localGatewayOf(b, c));
  const address = settings?.bgpPeeringAddress?.split(',')[0];
  return settings?.asn !== undefined && address ? { asn: settings.asn, address } : undefined;
}

/** The gateway's ASN. */
export function asnOf(gateway: StoredResource | undefined): number {
  return bgpOf(gateway)?.asn ?? 65515;
}

/** The address prefixes of the on-premises network (IPsec) behind a connection. */
export function remotePrefixes(b: Backend, c: StoredConnection): string[] {
  const space = localGatewayOf(b, c)?.properties.localNetworkAddressSpace as { addressPrefixes?: string[] } | undefined;
  return c.properties.connectionType === 'IPsec' ? (space?.addressPrefixes ?? []) : [];
}

/** The gateway's virtual network: the /16 its BGP address lies in (the builders give each gateway its own 10.x.0.0/16). */
export function vnetPrefix(gateway: StoredResource | undefined): string | undefined {
  const m = /^(\d+)\.(\d+)\./.exec(instances(gateway)[0].bgpIp);
  return m ? `${m[1]}.${m[2]}.0.0/16` : undefined;
}

/** When a Connected tunnel came up. */
export function upSince(link: Link): number {
  return link.connectedFrom !== undefined && Number.isFinite(link.connectedFrom) ? link.connectedFrom : INITIAL_UP_SINCE;
}

/** A number that stays the same for the same seed, below 2^bits (at most 48). */
export function stableNumber(seed: string, bits = 32): number {
  return Number(BigInt(`0x${createHash('sha256').update(seed).digest('hex').slice(0, 12)}`) % 2n ** BigInt(bits));
}
