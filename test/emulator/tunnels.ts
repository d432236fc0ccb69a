// Simulated tunnels. A connection's status, byte counters and tunnel entries are derived when read,
// from stored facts (keys, devices, when each tunnel last had to negotiate) and the time, so a
// request costs the same however large the world is and no timer runs:
// - IPsec with a key: Unknown without a simulated device, Connecting while the device does not
//   answer, NotConnected while its key differs, else Connecting for connectDelayMs, then Connected.
// - Vnet2Vnet: NotConnected without another half (virtualNetworkGateway1/2 swapped) holding the
//   same key, else Connecting for connectDelayMs after the later change of the two, then Connected.
// - Without a key (ExpressRoute, certificate authentication): the stored status, not simulated.
// Bytes grow while Connected. Each change first folds the bytes counted so far into the stored
// counters of the connections it affects, so counters never go back.
import { armId } from './builders';
import type { Devices } from './devices';
import type { StateFile } from './types';
import { lookupKey, type StoredConnection, type World } from './world';

export type TunnelStatus = 'Connected' | 'Connecting' | 'NotConnected' | 'Unknown';
/** What a change does to the tunnel: negotiate again, nothing, or end it (the connection is gone). */
export type TunnelEffect = 'restart' | 'keep' | 'remove';

/** Traffic while Connected, in bytes per second. */
const INGRESS_RATE = 131_072;
const EGRESS_RATE = 65_536;

interface Clock {
  /** When the tunnel last had to negotiate (created, key changed, reset); -Infinity: long ago. */
  since: number;
  /** The stored byte counters are those of this time. */
  bytesAt: number;
}

export interface Link {
  status: TunnelStatus;
  /** When it is (or will be) Connected; -Infinity: since before the emulator started. Undefined: it will not connect. */
  connectedFrom?: number;
}

type Live = Record<string, unknown>;

const reference = (c: StoredConnection, key: string) => lookupKey((c.properties[key] as { id?: string } | undefined)?.id ?? '');

const simulated = (c: StoredConnection) =>
  typeof c.properties.sharedKey === 'string' && (c.properties.connectionType === 'IPsec' || c.properties.connectionType === 'Vnet2Vnet');

export class Tunnels {
  private readonly clocks = new WeakMap<StoredConnection, Clock>();
  private readonly indexKeys = new WeakMap<StoredConnection, string>();
  /** Vnet2Vnet connections by "gateway1|gateway2", to find the other half of each at once. */
  private readonly pairs = new Map<string, Set<StoredConnection>>();

  constructor(
    private readonly world: World,
    private readonly devices: Devices,
    startedAt: number,
    private readonly delayMs: () => number,
  ) {
    for (const c of this.allConnections()) {
      this.clocks.set(c, { since: -Infinity, bytesAt: startedAt });
      this.index(c);
    }
  }

  /** The status now and when it connects. A connection still being created reports what it stores. */
  link(c: StoredConnection, t: number): Link {
    const clock = this.clocks.get(c);
    const stored = (c.properties.connectionStatus as TunnelStatus | undefined) ?? 'Unknown';
    if (!clock || !simulated(c)) return { status: stored, ...(clock && stored === 'Connected' ? { connectedFrom: -Infinity } : {}) };
    const from = c.properties.connectionType === 'IPsec' ? this.deviceFrom(c, clock) : this.pairFrom(c, clock);
    if (typeof from === 'string') return { status: from };
    return { status: t >= from ? 'Connected' : 'Connecting', connectedFrom: from };
  }

  /** The fields a read shows now: status, byte counters and tunnel entries. */
  live(c: StoredConnection, t: number): Live {
    const clock = this.clocks.get(c);
    if (!clock) return {};
    const link = this.link(c, t);
    const ms = link.connectedFrom === undefined ? 0 : Math.max(0, t - Math.max(clock.bytesAt, link.connectedFrom));
    const grown = (base: unknown, rate: number, share = 1) => (Number(base) || 0) + Math.floor((rate * ms) / 1000 / share);
    const p = c.properties;
    const entries = p.tunnelConnectionStatus as Array<Record<string, unknown>> | undefined;
    const established = link.status === 'Connected' && Number.isFinite(link.connectedFrom) ? new Date(link.connectedFrom!).toISOString() : undefined;
    return {
      connectionStatus: link.status,
      ingressBytesTransferred: grown(p.ingressBytesTransferred, INGRESS_RATE),
      egressBytesTransferred: grown(p.egressBytesTransferred, EGRESS_RATE),
      ...(entries?.length
        ? {
            tunnelConnectionStatus: entries.map((entry) => ({
              ...entry,
              connectionStatus: link.status,
              ingressBytesTransferred: grown(entry.ingressBytesTransferred, INGRESS_RATE, entries.length),
              egressBytesTransferred: grown(entry.egressBytesTransferred, EGRESS_RATE, entries.length),
              ...(established ? { lastConnectionEstablishedUtcTime: established } : {}),
            })),
          }
        : {}),
    };
  }

  /** The connection's properties as a read shows them now. */
  properties(c: StoredConnection, t: number): Record<string, unknown> {
    return { ...c.properties, ...this.live(c, t) };
  }

  /** Applies a change to a connection at time t: folds the bytes of those it affects first, then re-pairs it. */
  change(c: StoredConnection, t: number, apply: () => void, effect: TunnelEffect): void {
    for (const half of this.halves(c)) this.fold(half, t);
    const own = this.live(c, t);
    apply();
    this.unindex(c);
    if (effect === 'remove') return;
    Object.assign(c.properties, own);
    const clock = this.clocks.get(c) ?? { since: t, bytesAt: t };
    clock.bytesAt = t;
    if (effect === 'restart') clock.since = t;
    this.clocks.set(c, clock);
    this.index(c);
  }

  /** Applies a change to the device behind a local network gateway at time t. */
  deviceChange(localGatewayId: string, t: number, apply: () => void): void {
    for (const { connection } of this.connectionsTo(localGatewayId)) this.fold(connection, t);
    apply();
  }

  /** The IPsec connections (in any subscription) to a local network gateway, with their ids. */
  connectionsTo(localGatewayId: string): Array<{ id: string; connection: StoredConnection }> {
    const wanted = lookupKey(localGatewayId);
    const found: Array<{ id: string; connection: StoredConnection }> = [];
    for (const sub of this.world.subscriptions.values()) {
      for (const group of sub.groups.values()) {
        for (const c of group.connections.values()) {
          if (c.properties.connectionType === 'IPsec' && reference(c, 'localNetworkGateway2') === wanted) {
            found.push({ id: armId(sub.subscriptionId, group.name, 'connections', c.name), connection: c });
          }
        }
      }
    }
    return found;
  }

  /** Puts the live status and counters into a state-file dump. */
  addTo(state: StateFile, t: number): StateFile {
    for (const sub of state.subscriptions) {
      const groups = this.world.subscription(sub.subscriptionId)?.groups;
      for (const group of sub.resourceGroups) {
        const stored = groups?.get(lookupKey(group.name))?.connections;
        for (const c of group.connections) {
          const live = stored?.get(lookupKey(c.name));
          if (live) Object.assign(c.properties, structuredClone(this.live(live, t)));
        }
      }
    }
    return state;
  }

  private deviceFrom(c: StoredConnection, clock: Clock): number | TunnelStatus {
    const device = this.devices.of(reference(c, 'localNetworkGateway2'));
    if (!device) return 'Unknown';
    if (device.reachable === false) return 'Connecting';
    if (device.sharedKey !== c.properties.sharedKey) return 'NotConnected';
    return Math.max(clock.since, device.since) + this.delayMs();
  }

  private pairFrom(c: StoredConnection, clock: Clock): number | TunnelStatus {
    let from = Infinity;
    for (const half of this.halves(c)) {
      if (half.properties.sharedKey !== c.properties.sharedKey) continue;
      from = Math.min(from, Math.max(clock.since, this.clocks.get(half)!.since) + this.delayMs());
    }
    return from === Infinity ? 'NotConnected' : from;
  }

  /** The other halves of a Vnet2Vnet connection: those from its virtualNetworkGateway2 to its virtualNetworkGateway1. */
  private halves(c: StoredConnection): StoredConnection[] {
    if (c.properties.connectionType !== 'Vnet2Vnet') return [];
    const others = this.pairs.get(`${reference(c, 'virtualNetworkGateway2')}|${reference(c, 'virtualNetworkGateway1')}`);
    return others ? [...others].filter((half) => half !== c) : [];
  }

  private fold(c: StoredConnection, t: number): void {
    const clock = this.clocks.get(c);
    if (!clock) return;
    Object.assign(c.properties, this.live(c, t));
    clock.bytesAt = t;
  }

  private index(c: StoredConnection): void {
    if (c.properties.connectionType !== 'Vnet2Vnet') return;
    const key = `${reference(c, 'virtualNetworkGateway1')}|${reference(c, 'virtualNetworkGateway2')}`;
    let set = this.pairs.get(key);
    if (!set) this.pairs.set(key, (set = new Set()));
    set.add(c);
    this.indexKeys.set(c, key);
  }

  private unindex(c: StoredConnection): void {
    const key = this.indexKeys.get(c);
    if (key !== undefined) this.pairs.get(key)?.delete(c);
    this.indexKeys.delete(c);
  }

  private allConnections(): StoredConnection[] {
    return [...this.world.subscriptions.values()].flatMap((sub) => [...sub.groups.values()].flatMap((g) => [...g.connections.values()]));
  }
}
