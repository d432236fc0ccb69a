// BGP on a virtual network gateway, in the extension's words: its peers' sessions (one per gateway
// instance on an active-active gateway) and the routes it learned or advertises.
import type * as network from '@azure/arm-network';

export interface BgpPeerSession {
  /** The gateway instance's BGP address the session runs from. */
  localAddress?: string;
  /** The peer's BGP address. */
  neighbor: string;
  asn?: number;
  state: string;
  /** A .NET TimeSpan as Azure prints it, e.g. "1.02:03:04.5000000". */
  connectedDuration?: string;
  routesReceived?: number;
  messagesSent?: number;
  messagesReceived?: number;
}

export interface GatewayRoute {
  localAddress?: string;
  network?: string;
  nextHop?: string;
  sourcePeer?: string;
  origin?: string;
  asPath?: string;
  weight?: number;
}

export function toBgpPeerSessions(result: network.BgpPeerStatusListResult): BgpPeerSession[] {
  return (result.value ?? [])
    .filter((peer) => peer.neighbor)
    .map((peer) => ({
      localAddress: peer.localAddress,
      neighbor: peer.neighbor as string,
      asn: peer.asn,
      state: peer.state ?? 'Unknown',
      connectedDuration: peer.connectedDuration,
      routesReceived: peer.routesReceived,
      messagesSent: peer.messagesSent,
      messagesReceived: peer.messagesReceived,
    }));
}

export function toGatewayRoutes(result: network.GatewayRouteListResult): GatewayRoute[] {
  return (result.value ?? []).map((route) => ({ ...route }));
}
