// How BGP looks under a gateway: the "BGP Peers" level and each peer's session (one per gateway
// instance on an active-active gateway). No vscode import: unit-tested in plain Node.
import * as l10n from '@vscode/l10n';
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
    label: l10n.t('BGP Peers'),
    description: gateway.bgpAsn === undefined ? undefined : `AS ${gateway.bgpAsn}`,
    tooltip: l10n.t('The BGP sessions of {0}, read from Azure when expanded (a long-running request). Right-click for the routes it learned.', gateway.name),
    icon: { id: 'type-hierarchy' },
    contextValue: contextValue('bgpPeers'),
  };
}

/** `viaInstance`: the gateway has several instances, so the same peer shows once per instance. */
export function bgpPeerLook(session: BgpPeerSession, viaInstance: boolean): ItemLook {
  const routes = session.routesReceived === undefined ? undefined : session.routesReceived === 1 ? l10n.t('1 route') : l10n.t('{0} routes', session.routesReceived);
  const up = session.state === 'Connected' ? timeSpanSeconds(session.connectedDuration) : undefined;
  return {
    label: session.neighbor,
    description: [
      viaInstance && session.localAddress && l10n.t({ message: 'via {0}', args: [session.localAddress], comment: ['{0} is the address of the gateway instance the BGP session runs from'] }),
      session.asn !== undefined && `AS ${session.asn}`,
      session.state,
      routes,
    ]
      .filter(Boolean)
      .join(' · '),
    tooltip: [
      session.asn !== undefined ? l10n.t('BGP peer {0} (AS {1})', session.neighbor, session.asn) : l10n.t('BGP peer {0}', session.neighbor),
      session.localAddress && l10n.t('Session from the gateway instance {0}', session.localAddress),
      up !== undefined ? l10n.t({ message: 'State: {0} for {1}', args: [session.state, formatDuration(up)], comment: ['{0} is the BGP state as Azure names it (Connected), {1} how long'] }) : l10n.t('State: {0}', session.state),
      routes && l10n.t('Routes received: {0}', session.routesReceived ?? ''),
      session.messagesSent !== undefined && l10n.t('Messages sent / received: {0} / {1}', session.messagesSent, session.messagesReceived ?? '?'),
    ]
      .filter(Boolean)
      .join('\n'),
    icon: { id: 'radio-tower', color: stateColors[session.state] ?? 'disabledForeground' },
    contextValue: contextValue('bgpPeer'),
  };
}
