// How what is under a connection looks: its tunnels, the IPsec/IKE policy in effect, and its IKE
// security associations (main mode, each with its quick-mode SAs), as items with their details as
// children. No vscode import: unit-tested in plain Node.
import * as l10n from '@vscode/l10n';
import type { ConnectionSettings, TunnelHealth } from '../azure/connectionSettings';
import type { MainModeSa, QuickModeSa } from '../azure/ikeSas';
import type { ConnectionStatus } from '../azure/model';
import { azureDefaultPolicyName, describeIkePhase, describeIpsecPhase, describeSaLifetime } from '../ui/ipsecPolicy';
import { contextValue, formatBytes, statusColors, statusWord, type ItemLook } from './treeModel';

/** A row under a connection, and what is under it. */
export interface DetailItem extends ItemLook {
  /** Unique among its siblings: the last part of its tree id. */
  key: string;
  children?: DetailItem[];
  /** Shown open the first time it appears. */
  expanded?: boolean;
}

/** Kinds of the rows under a connection (the first token of their context values). */
export const connectionDetailKinds = ['tunnel', 'ipsecPolicy', 'ikeSas', 'ikeSa', 'detail'] as const;

const knownStatus = (status: string): ConnectionStatus | undefined => (status in statusColors ? (status as ConnectionStatus) : undefined);
const grouped = (value: number) => value.toLocaleString('en-US');

/** "45 s": a duration, or a lifetime in seconds. */
const inSeconds = (seconds: number | string) => l10n.t({ message: '{0} s', args: [seconds], comment: ['{0} seconds; s is the symbol of second'] });

/** "2 d 03 h", "1 h 02 min", "3 min 20 s", "45 s". */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const two = (n: number) => String(n).padStart(2, '0');
  if (seconds >= 86_400) {
    return l10n.t({ message: '{0} d {1} h', args: [Math.floor(seconds / 86_400), two(Math.floor(seconds / 3600) % 24)], comment: ['A duration: {0} days and {1} hours (two digits); d and h are the symbols of day and hour'] });
  }
  if (seconds >= 3600) {
    return l10n.t({ message: '{0} h {1} min', args: [Math.floor(seconds / 3600), two(Math.floor(seconds / 60) % 60)], comment: ['A duration: {0} hours and {1} minutes (two digits); h and min are the symbols of hour and minute'] });
  }
  if (seconds >= 60) {
    return l10n.t({ message: '{0} min {1} s', args: [Math.floor(seconds / 60), two(seconds % 60)], comment: ['A duration: {0} minutes and {1} seconds (two digits); min and s are the symbols of minute and second'] });
  }
  return inSeconds(seconds);
}

function field(key: string, label: string, description: string, tooltip = `${label}: ${description}`): DetailItem {
  return { key, label, description, tooltip, icon: { id: 'symbol-field' }, contextValue: contextValue('detail') };
}

export function tunnelItems(tunnels: readonly TunnelHealth[]): DetailItem[] {
  return tunnels.map((tunnel, index) => {
    const status = knownStatus(tunnel.status);
    const words = status ? statusWord(status) : tunnel.status;
    const traffic = l10n.t({ message: '{0} in · {1} out', args: [formatBytes(tunnel.ingressBytes), formatBytes(tunnel.egressBytes)], comment: ['Data a tunnel received ({0}) and sent ({1})'] });
    return {
      key: `tunnel-${index}`,
      label: tunnel.name,
      description: `${words} · ${traffic}`,
      tooltip: [l10n.t('Tunnel {0}', tunnel.name), l10n.t('Status: {0}', words), l10n.t('Data: {0}', traffic), tunnel.lastConnectedAt && l10n.t('Last connected: {0}', tunnel.lastConnectedAt)]
        .filter(Boolean)
        .join('\n'),
      icon: { id: 'pulse', color: status ? statusColors[status] : undefined },
      contextValue: contextValue('tunnel'),
    };
  });
}

export function policyItem(settings: ConnectionSettings): DetailItem {
  const policy = settings.ipsecPolicy;
  const look = { key: 'ipsecPolicy', label: l10n.t('IPsec/IKE policy'), icon: { id: 'law' }, contextValue: contextValue('ipsecPolicy') };
  if (!policy) {
    return { ...look, description: azureDefaultPolicyName(), tooltip: l10n.t('No custom policy: Azure proposes its default IKE and IPsec algorithms, and accepts what the peer offers among them.') };
  }
  const selectors = settings.usePolicyBasedTrafficSelectors
    ? l10n.t({ message: 'on', comment: ['Whether policy-based traffic selectors are used'] })
    : l10n.t({ message: 'off', comment: ['Whether policy-based traffic selectors are used'] });
  return {
    ...look,
    description: l10n.t({ message: 'Custom', comment: ['The IPsec/IKE policy in effect: a custom one (not Azure\'s default)'] }),
    tooltip: l10n.t('The custom IPsec/IKE policy of this connection: the only algorithms the tunnel accepts.'),
    expanded: true,
    children: [
      field('ike', l10n.t('IKE (phase 1)'), describeIkePhase(policy), l10n.t('IKE encryption · integrity · DH group')),
      field('ipsec', l10n.t('IPsec (phase 2)'), describeIpsecPhase(policy), l10n.t('IPsec encryption · integrity · PFS group')),
      field('lifetime', l10n.t('SA lifetime'), describeSaLifetime(policy), l10n.t('IPsec SA lifetime in seconds and kilobytes')),
      field('selectors', l10n.t('Policy-based traffic selectors'), selectors),
    ],
  };
}

export function ikeSasLook(): ItemLook {
  return {
    label: l10n.t('IKE Security Associations'),
    tooltip: l10n.t('Read from Azure when expanded (a long-running request, often several seconds). Refresh to read them again.'),
    icon: { id: 'key' },
    contextValue: contextValue('ikeSas'),
  };
}

const endpoints = (sa: { localEndpoint?: string; remoteEndpoint?: string }) => `${sa.localEndpoint ?? '?'} → ${sa.remoteEndpoint ?? '?'}`;

function lifetime(seconds: number | undefined, elapsed: number | undefined, kilobytes?: number): string {
  const limit = [seconds !== undefined && inSeconds(grouped(seconds)), kilobytes !== undefined && `${grouped(kilobytes)} KB`].filter(Boolean).join(' · ') || l10n.t({ message: 'unknown', comment: ['A lifetime Azure did not report'] });
  return elapsed === undefined ? limit : l10n.t({ message: '{0}, {1} elapsed', args: [limit, formatDuration(elapsed)], comment: ['{0} is the lifetime of a security association, {1} how long it has lasted so far'] });
}

const algorithms = (...names: Array<string | undefined>) => names.map((name) => name ?? '?').join(' · ');

function quickModeItem(sa: QuickModeSa, index: number): DetailItem {
  const selectors = `${sa.localTrafficSelectors.join(', ') || '?'} ↔ ${sa.remoteTrafficSelectors.join(', ') || '?'}`;
  return {
    key: `quickMode-${index}`,
    label: l10n.t('Quick mode SA'),
    description: endpoints(sa),
    tooltip: l10n.t('IPsec (phase 2) security association {0}', endpoints(sa)),
    icon: { id: 'lock' },
    contextValue: contextValue('ikeSa'),
    children: [
      field('ipsec', 'IPsec', algorithms(sa.encryption, sa.integrity, sa.pfsGroup), l10n.t('Encryption · integrity · PFS group')),
      field('lifetime', l10n.t('Lifetime'), lifetime(sa.lifetimeSeconds, sa.elapsedSeconds, sa.lifetimeKilobytes)),
      field('selectors', l10n.t('Traffic selectors'), selectors, l10n.t('Traffic selectors (local ↔ remote): {0}', selectors)),
    ],
  };
}

export function ikeSaItems(sas: readonly MainModeSa[]): DetailItem[] {
  return sas.map((sa, index) => ({
    key: `mainMode-${index}`,
    label: l10n.t('Main mode SA'),
    description: endpoints(sa),
    tooltip: l10n.t('IKE (phase 1) security association {0}', endpoints(sa)),
    icon: { id: 'shield' },
    contextValue: contextValue('ikeSa'),
    expanded: true,
    children: [
      field('ike', 'IKE', algorithms(sa.encryption, sa.integrity, sa.dhGroup), l10n.t('Encryption · integrity · DH group')),
      field('lifetime', l10n.t('Lifetime'), lifetime(sa.lifetimeSeconds, sa.elapsedSeconds)),
      ...(sa.initiator === undefined ? [] : [field('initiator', l10n.t('Initiated by'), sa.initiator ? 'Azure' : l10n.t('the peer'))]),
      ...sa.quickModeSas.map(quickModeItem),
    ],
  }));
}
