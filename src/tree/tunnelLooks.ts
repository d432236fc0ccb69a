// How what is under a connection looks: its tunnels, the IPsec/IKE policy in effect, and its IKE
// security associations (main mode, each with its quick-mode SAs), as items with their details as
// children. No vscode import: unit-tested in plain Node.
import type { ConnectionSettings, TunnelHealth } from '../azure/connectionSettings';
import type { MainModeSa, QuickModeSa } from '../azure/ikeSas';
import type { ConnectionStatus } from '../azure/model';
import { azureDefaultPolicy, describeIkePhase, describeIpsecPhase, describeSaLifetime } from '../ui/ipsecPolicy';
import { contextValue, formatBytes, statusColors, statusWords, type ItemLook } from './treeModel';

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

const knownStatus = (status: string): ConnectionStatus | undefined => (status in statusWords ? (status as ConnectionStatus) : undefined);
const grouped = (value: number) => value.toLocaleString('en-US');

/** "2 d 03 h", "1 h 02 min", "3 min 20 s", "45 s". */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const two = (n: number) => String(n).padStart(2, '0');
  if (seconds >= 86_400) return `${Math.floor(seconds / 86_400)} d ${two(Math.floor(seconds / 3600) % 24)} h`;
  if (seconds >= 3600) return `${Math.floor(seconds / 3600)} h ${two(Math.floor(seconds / 60) % 60)} min`;
  if (seconds >= 60) return `${Math.floor(seconds / 60)} min ${two(seconds % 60)} s`;
  return `${seconds} s`;
}

function field(key: string, label: string, description: string, tooltip = `${label}: ${description}`): DetailItem {
  return { key, label, description, tooltip, icon: { id: 'symbol-field' }, contextValue: contextValue('detail') };
}

export function tunnelItems(tunnels: readonly TunnelHealth[]): DetailItem[] {
  return tunnels.map((tunnel, index) => {
    const status = knownStatus(tunnel.status);
    const words = status ? statusWords[status] : tunnel.status;
    const traffic = `${formatBytes(tunnel.ingressBytes)} in · ${formatBytes(tunnel.egressBytes)} out`;
    return {
      key: `tunnel-${index}`,
      label: tunnel.name,
      description: `${words} · ${traffic}`,
      tooltip: [`Tunnel ${tunnel.name}`, `Status: ${words}`, `Data: ${traffic}`, tunnel.lastConnectedAt && `Last connected: ${tunnel.lastConnectedAt}`].filter(Boolean).join('\n'),
      icon: { id: 'pulse', color: status ? statusColors[status] : undefined },
      contextValue: contextValue('tunnel'),
    };
  });
}

export function policyItem(settings: ConnectionSettings): DetailItem {
  const policy = settings.ipsecPolicy;
  const look = { key: 'ipsecPolicy', label: 'IPsec/IKE policy', icon: { id: 'law' }, contextValue: contextValue('ipsecPolicy') };
  if (!policy) {
    return { ...look, description: azureDefaultPolicy, tooltip: 'No custom policy: Azure proposes its default IKE and IPsec algorithms, and accepts what the peer offers among them.' };
  }
  const selectors = settings.usePolicyBasedTrafficSelectors ? 'on' : 'off';
  return {
    ...look,
    description: 'Custom',
    tooltip: 'The custom IPsec/IKE policy of this connection: the only algorithms the tunnel accepts.',
    expanded: true,
    children: [
      field('ike', 'IKE (phase 1)', describeIkePhase(policy), 'IKE encryption · integrity · DH group'),
      field('ipsec', 'IPsec (phase 2)', describeIpsecPhase(policy), 'IPsec encryption · integrity · PFS group'),
      field('lifetime', 'SA lifetime', describeSaLifetime(policy), 'IPsec SA lifetime in seconds and kilobytes'),
      field('selectors', 'Policy-based traffic selectors', selectors),
    ],
  };
}

export function ikeSasLook(): ItemLook {
  return {
    label: 'IKE Security Associations',
    tooltip: 'Read from Azure when expanded (a long-running request, often several seconds). Refresh to read them again.',
    icon: { id: 'key' },
    contextValue: contextValue('ikeSas'),
  };
}

const endpoints = (sa: { localEndpoint?: string; remoteEndpoint?: string }) => `${sa.localEndpoint ?? '?'} → ${sa.remoteEndpoint ?? '?'}`;

function lifetime(seconds: number | undefined, elapsed: number | undefined, kilobytes?: number): string {
  const limit = [seconds !== undefined && `${grouped(seconds)} s`, kilobytes !== undefined && `${grouped(kilobytes)} KB`].filter(Boolean).join(' · ') || 'unknown';
  return elapsed === undefined ? limit : `${limit}, ${formatDuration(elapsed)} elapsed`;
}

const algorithms = (...names: Array<string | undefined>) => names.map((name) => name ?? '?').join(' · ');

function quickModeItem(sa: QuickModeSa, index: number): DetailItem {
  const selectors = `${sa.localTrafficSelectors.join(', ') || '?'} ↔ ${sa.remoteTrafficSelectors.join(', ') || '?'}`;
  return {
    key: `quickMode-${index}`,
    label: 'Quick mode SA',
    description: endpoints(sa),
    tooltip: `IPsec (phase 2) security association ${endpoints(sa)}`,
    icon: { id: 'lock' },
    contextValue: contextValue('ikeSa'),
    children: [
      field('ipsec', 'IPsec', algorithms(sa.encryption, sa.integrity, sa.pfsGroup), 'Encryption · integrity · PFS group'),
      field('lifetime', 'Lifetime', lifetime(sa.lifetimeSeconds, sa.elapsedSeconds, sa.lifetimeKilobytes)),
      field('selectors', 'Traffic selectors', selectors, `Traffic selectors (local ↔ remote): ${selectors}`),
    ],
  };
}

export function ikeSaItems(sas: readonly MainModeSa[]): DetailItem[] {
  return sas.map((sa, index) => ({
    key: `mainMode-${index}`,
    label: 'Main mode SA',
    description: endpoints(sa),
    tooltip: `IKE (phase 1) security association ${endpoints(sa)}`,
    icon: { id: 'shield' },
    contextValue: contextValue('ikeSa'),
    expanded: true,
    children: [
      field('ike', 'IKE', algorithms(sa.encryption, sa.integrity, sa.dhGroup), 'Encryption · integrity · DH group'),
      field('lifetime', 'Lifetime', lifetime(sa.lifetimeSeconds, sa.elapsedSeconds)),
      ...(sa.initiator === undefined ? [] : [field('initiator', 'Initiated by', sa.initiator ? 'Azure' : 'the peer')]),
      ...sa.quickModeSas.map(quickModeItem),
    ],
  }));
}
