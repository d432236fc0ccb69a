// How BGP looks under a gateway: the "BGP Peers" level and each peer's session (one per gateway
// instance on an active-active gateway). No vscode import: unit-tested in plain Node.
import type { BgpPeerSession } from '../azure/bgp';
import type { VirtualNetworkGateway } from '../azure/model';
import { formatDuration } from './tunnelLooks';
import { contextValue, type ItemLook } from './treeModel';

const stateColors: Record<string, string> = {
  Connected: 'testing.iconPassed',
  Connecting: 'testing.iconQueued',
  Idle: 'testing.iconFailed',
  Stopped: 'testing.iconFailed',
};

/** Seconds in a .NET TimeSpan as Azure prints it ("[d.]hh:mm:ss[.fffffff]"), or undefined. */
export function timeSpanSeconds(text: string | undefined): number | undefined {
  const match = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.\d+)?$/.exec(text ?? '');
  if (!match) return undefined;
  const [, days, hours, minutes, seconds] = match;
  return Number(days ?? 0) * 86_400 + Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}

export function bgpPeersLook(gateway: VirtualNetworkGateway): ItemLook {
  return {
    label: 'BGP Peers',
    description: gateway.bgpAsn === undefined ? undefined : `AS ${gateway.bgpAsn}`,
    tooltip: `The BGP sessions of ${gateway.name}, read from Azure when expanded (a long-running request). Right-click for the routes it learned.`,
    icon: { id: 'type-hierarchy' },
    contextValue: contextValue('bgpPeers'),
  };
}

/** `viaInstance`: the gateway has several instances, so the same peer shows once per instance. */
export function bgpPeerLook(session: BgpPeerSession, viaInstance: boolean): ItemLook {
  const routes = session.routesReceived === undefined ? undefined : session.routesReceived === 1 ? '1 route' : `${session.routesReceived} routes`;
  const up = session.state === 'Connected' ? timeSpanSeconds(session.connectedDuration) : undefined;
  return {
    label: session.neighbor,
    description: [viaInstance && session.localAddress && `via ${session.localAddress}`, session.asn !== undefined && `AS ${session.asn}`, session.state, routes].filter(Boolean).join(' · '),
    tooltip: [
      `BGP peer ${session.neighbor}${session.asn !== undefined ? ` (AS ${session.asn})` : ''}`,
      session.localAddress && `Session from the gateway instance ${session.localAddress}`,
      `State: ${session.state}${up !== undefined ? ` for ${formatDuration(up)}` : ''}`,
      routes && `Routes received: ${session.routesReceived}`,
      session.messagesSent !== undefined && `Messages sent / received: ${session.messagesSent} / ${session.messagesReceived ?? '?'}`,
    ]
      .filter(Boolean)
      .join('\n'),
    icon: { id: 'radio-tower', color: stateColors[session.state] ?? 'disabledForeground' },
    contextValue: contextValue('bgpPeer'),
  };
}
