// BGP on a virtual network gateway (long-running POSTs, as the swagger says): the status of its peers
// (getBgpPeerStatus[?peer=]), the routes it learned (getLearnedRoutes) and those it advertises to a
// peer (getAdvertisedRoutes?peer=). Peers are the BGP-enabled connections of the gateway, one session
// per gateway instance; a session is up only while its tunnel is Connected. Routes come from the
// address prefixes: the gateway's virtual network, the on-premises networks behind its connections.
import { ArmError, resourceNotFound } from './armErrors';
import { authorize, findGroup, type ArmHandler, type ArmRequest } from './arm';
import { startAction } from './actions';
import type { Backend } from './backend';
import { armId } from './builders';
import { asnOf, instances, remoteBgp, remotePrefixes, upSince, vnetPrefix } from './endpoints';
import { lookupKey, type StoredConnection, type StoredResource } from './world';

interface Peer {
  connection: StoredConnection;
  asn: number;
  neighbor: string;
  connected: boolean;
  upSince: number;
  prefixes: string[];
}

interface Route {
  localAddress: string;
  network: string;
  nextHop: string;
  sourcePeer: string;
  origin: string;
  asPath: string;
  weight: number;
}

const BGP_STATE = { Connected: 'Connected', Connecting: 'Connecting', NotConnected: 'Idle', Unknown: 'Unknown' } as const;

function findGateway(req: ArmRequest, b: Backend) {
  const { sub, group } = findGroup(req, b);
  const gateway = group.gateways.get(lookupKey(req.params.name));
  if (!gateway) throw resourceNotFound('virtualNetworkGateways', req.params.name, req.params.group);
  return { sub, gateway, id: armId(sub.subscriptionId, group.name, 'virtualNetworkGateways', gateway.name) };
}

/** The gateway's connections (virtualNetworkGateway1), from any group of its subscription. */
function connectionsOf(b: Backend, req: ArmRequest, gatewayId: string): StoredConnection[] {
  const { sub } = findGroup(req, b);
  const wanted = lookupKey(gatewayId);
  return [...sub.groups.values()].flatMap((g) => [...g.connections.values()]).filter((c) => lookupKey((c.properties.virtualNetworkGateway1 as { id?: string } | undefined)?.id ?? '') === wanted);
}

function peersOf(b: Backend, connections: StoredConnection[], t: number): Peer[] {
  return connections.flatMap((connection) => {
    const remote = connection.properties.enableBgp === true ? remoteBgp(b, connection) : undefined;
    if (!remote) return [];
    const link = b.tunnels.link(connection, t);
    return [{ connection, asn: remote.asn, neighbor: remote.address, connected: link.status === 'Connected', upSince: upSince(link), prefixes: remotePrefixes(b, connection) }];
  });
}

/** A .NET TimeSpan as Azure prints it: [d.]hh:mm:ss.fffffff. */
function timeSpan(ms: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const seconds = Math.floor(ms / 1000);
  const days = Math.floor(seconds / 86_400);
  const clock = `${two(Math.floor(seconds / 3600) % 24)}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}.${String(ms % 1000).padStart(3, '0')}0000`;
  return days > 0 ? `${days}.${clock}` : clock;
}

function peerStatus(b: Backend, gateway: StoredResource, connections: StoredConnection[], t: number, only: string | null) {
  const peers = peersOf(b, connections, t).filter((p) => only === null || p.neighbor === only);
  const value = instances(gateway).flatMap(({ bgpIp }) =>
    peers.map((p) => {
      const upMs = p.connected ? Math.max(0, t - p.upSince) : 0;
      const keepalives = Math.floor(upMs / 60_000);
      return {
        localAddress: bgpIp,
        neighbor: p.neighbor,
        asn: p.asn,
        state: BGP_STATE[b.tunnels.link(p.connection, t).status],
        connectedDuration: timeSpan(upMs),
        routesReceived: p.connected ? p.prefixes.length : 0,
        messagesSent: p.connected ? 2 + keepalives : 0,
        messagesReceived: p.connected ? 2 + keepalives + p.prefixes.length : 0,
      };
    }),
  );
  return { value };
}

/** What the gateway knows: its own network, static routes to on-premises networks, and what Connected BGP peers announced. */
function learned(b: Backend, gateway: StoredResource, connections: StoredConnection[], t: number): Route[] {
  const own = vnetPrefix(gateway);
  const peers = peersOf(b, connections, t);
  const bgpConnections = new Set(peers.map((p) => p.connection));
  return instances(gateway).flatMap(({ bgpIp }) => [
    ...(own ? [{ localAddress: bgpIp, network: own, nextHop: '', sourcePeer: bgpIp, origin: 'Network', asPath: '', weight: 32_768 }] : []),
    ...connections
      .filter((c) => !bgpConnections.has(c))
      .flatMap((c) => remotePrefixes(b, c).map((network) => ({ localAddress: bgpIp, network, nextHop: '', sourcePeer: bgpIp, origin: 'Network', asPath: '', weight: 32_768 }))),
    ...peers
      .filter((p) => p.connected)
      .flatMap((p) => p.prefixes.map((network) => ({ localAddress: bgpIp, network, nextHop: p.neighbor, sourcePeer: p.neighbor, origin: 'EBgp', asPath: String(p.asn), weight: 32_768 }))),
  ]);
}

/** What the gateway tells a Connected peer: everything it learned but from that peer, with its own ASN prepended. */
function advertised(b: Backend, gateway: StoredResource, connections: StoredConnection[], t: number, peer: string): Route[] {
  if (!peersOf(b, connections, t).some((p) => p.neighbor === peer && p.connected)) return [];
  const asn = String(asnOf(gateway));
  return learned(b, gateway, connections, t)
    .filter((r) => r.sourcePeer !== peer)
    .map((r) => ({ ...r, nextHop: r.localAddress, sourcePeer: '', origin: r.origin === 'EBgp' ? 'EBgp' : 'Network', asPath: r.asPath ? `${asn}-${r.asPath}` : asn, weight: 0 }));
}

function bgpAction(kind: 'getBgpPeerStatus' | 'getLearnedRoutes' | 'getAdvertisedRoutes', body: (b: Backend, gateway: StoredResource, connections: StoredConnection[], t: number, req: ArmRequest) => unknown): ArmHandler {
  return (req, b) => {
    const { sub, gateway, id } = findGateway(req, b);
    authorize(req.caller, `Microsoft.Network/virtualNetworkGateways/${kind}/action`, id);
    if (kind === 'getAdvertisedRoutes' && !req.query.get('peer')) {
      throw new ArmError(400, 'InvalidRequestFormat', "Cannot parse the request: the query parameter 'peer' (the IP address of the BGP peer) is required.");
    }
    return startAction(req, b, { kind, subscriptionId: sub.subscriptionId, location: gateway.location, result: (t) => body(b, gateway, connectionsOf(b, req, id), t, req) });
  };
}

export const getBgpPeerStatus = bgpAction('getBgpPeerStatus', (b, gateway, connections, t, req) => peerStatus(b, gateway, connections, t, req.query.get('peer')));
export const getLearnedRoutes = bgpAction('getLearnedRoutes', (b, gateway, connections, t) => ({ value: learned(b, gateway, connections, t) }));
export const getAdvertisedRoutes = bgpAction('getAdvertisedRoutes', (b, gateway, connections, t, req) => ({ value: advertised(b, gateway, connections, t, req.query.get('peer')!) }));
