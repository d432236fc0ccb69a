// The emulator's live state: tenants → subscriptions → resource groups → gateways, local network
// gateways and connections. Lookups are case-insensitive like ARM's; lists keep insertion order.
// Built from, and written back to, the state-file format (types.ts).
import { randomUUID } from 'crypto';
import { armId } from './builders';
import type { Operation } from './operations';
import type { ResourceGroupState, ResourceState, StateFile, SubscriptionState, Tags, TenantState } from './types';

export interface StoredResource {
  name: string;
  location: string;
  tags?: Tags;
  properties: Record<string, unknown>;
  etag: string;
  /** When a write created or last changed it (ms since the epoch); seeded resources date from the world's creation. */
  createdAt?: number;
  changedAt?: number;
}

export interface StoredConnection extends StoredResource {
  /** The long-running operation that holds this connection, until it settles. */
  operation?: Operation;
  /** After a key change the connection stays Updating until this time (ms since the epoch). */
  updatingUntil: number;
  lastOperationUrl?: string;
}

export interface StoredGroup {
  name: string;
  location: string;
  tags?: Tags;
  gateways: Map<string, StoredResource>;
  localGateways: Map<string, StoredResource>;
  connections: Map<string, StoredConnection>;
}

export interface StoredSubscription {
  subscriptionId: string;
  displayName: string;
  tenantId: string;
  state: string;
  tags?: Tags;
  groups: Map<string, StoredGroup>;
}

export const newEtag = (): string => `W/"${randomUUID()}"`;

export const lookupKey = (name: string): string => name.toLowerCase();

class StateFileError extends Error {}

function need(condition: boolean, where: string, what: string): void {
  if (!condition) throw new StateFileError(`state file: ${where} ${what}`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkResource(r: unknown, where: string): asserts r is ResourceState {
  need(isObject(r), where, 'must be an object');
  const resource = r as Record<string, unknown>;
  need(typeof resource.name === 'string' && resource.name !== '', where, 'needs a "name"');
  need(typeof resource.location === 'string', where, 'needs a "location"');
  need(isObject(resource.properties), where, 'needs "properties" (an object)');
}

function checkState(state: unknown): asserts state is StateFile {
  need(isObject(state), 'the top level', 'must be an object');
  const s = state as Record<string, unknown>;
  need(Array.isArray(s.tenants) && s.tenants.length > 0, '"tenants"', 'must be a non-empty array');
  need(Array.isArray(s.subscriptions), '"subscriptions"', 'must be an array');
  const tenants = new Set((s.tenants as TenantState[]).map((t, i) => {
    need(isObject(t) && typeof t.tenantId === 'string', `tenants[${i}]`, 'needs a "tenantId"');
    return lookupKey(t.tenantId);
  }));
  (s.subscriptions as SubscriptionState[]).forEach((sub, i) => {
    const where = `subscriptions[${i}]`;
    need(isObject(sub) && typeof sub.subscriptionId === 'string', where, 'needs a "subscriptionId"');
    need(typeof sub.tenantId === 'string' && tenants.has(lookupKey(sub.tenantId)), where, 'needs a "tenantId" listed in "tenants"');
    need(Array.isArray(sub.resourceGroups), where, 'needs "resourceGroups" (an array)');
    sub.resourceGroups.forEach((group, j) => {
      const at = `${where}.resourceGroups[${j}]`;
      need(isObject(group) && typeof group.name === 'string' && typeof group.location === 'string', at, 'needs a "name" and a "location"');
      for (const list of ['virtualNetworkGateways', 'localNetworkGateways', 'connections'] as const) {
        need(group[list] === undefined || Array.isArray(group[list]), at, `"${list}" must be an array`);
        (group[list] ?? []).forEach((r, k) => checkResource(r, `${at}.${list}[${k}]`));
      }
    });
  });
}

function store<T extends StoredResource>(resources: ResourceState[] | undefined, extra: Omit<T, keyof StoredResource>): Map<string, T> {
  const map = new Map<string, T>();
  for (const r of resources ?? []) {
    const copy = structuredClone(r);
    map.set(lookupKey(r.name), { ...copy, etag: newEtag(), ...extra } as T);
  }
  return map;
}

function toGroup(group: ResourceGroupState): StoredGroup {
  return {
    name: group.name,
    location: group.location,
    ...(group.tags ? { tags: { ...group.tags } } : {}),
    gateways: store(group.virtualNetworkGateways, {}),
    localGateways: store(group.localNetworkGateways, {}),
    connections: store<StoredConnection>(group.connections, { updatingUntil: 0 }),
  };
}

const plain = ({ name, location, tags, properties }: StoredResource): ResourceState => ({
  name,
  location,
  ...(tags ? { tags: { ...tags } } : {}),
  properties: structuredClone(properties),
});

export class World {
  readonly createdAt = Date.now();
  readonly tenants: TenantState[];
  readonly subscriptions = new Map<string, StoredSubscription>();

  constructor(state: unknown) {
    checkState(state);
    this.tenants = state.tenants.map((t) => ({ ...t }));
    for (const sub of state.subscriptions) {
      const groups = new Map<string, StoredGroup>();
      for (const group of sub.resourceGroups) groups.set(lookupKey(group.name), toGroup(group));
      this.subscriptions.set(lookupKey(sub.subscriptionId), {
        subscriptionId: sub.subscriptionId,
        displayName: sub.displayName ?? sub.subscriptionId,
        tenantId: sub.tenantId,
        state: sub.state ?? 'Enabled',
        ...(sub.tags ? { tags: { ...sub.tags } } : {}),
        groups,
      });
    }
  }

  subscription(id: string): StoredSubscription | undefined {
    return this.subscriptions.get(lookupKey(id));
  }

  /** Finds a gateway by its ARM id, as connections refer to them; `id` comes back in its stored casing. */
  resolve(id: string, type: 'virtualNetworkGateways' | 'localNetworkGateways'): { resource: StoredResource; id: string } | undefined {
    const m = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Network\/([^/]+)\/([^/]+)$/i.exec(id);
    if (!m || lookupKey(m[3]) !== lookupKey(type)) return undefined;
    const sub = this.subscription(m[1]);
    const group = sub?.groups.get(lookupKey(m[2]));
    const resource = (type === 'virtualNetworkGateways' ? group?.gateways : group?.localGateways)?.get(lookupKey(m[4]));
    if (!sub || !group || !resource) return undefined;
    return { resource, id: armId(sub.subscriptionId, group.name, type, resource.name) };
  }

  /** The state-file form; `provisioningState` tells a connection's state now (it may be Updating). */
  toState(provisioningState: (c: StoredConnection) => string): StateFile {
    const connection = (c: StoredConnection): ResourceState => {
      const r = plain(c);
      r.properties.provisioningState = provisioningState(c);
      return r;
    };
    return {
      tenants: this.tenants.map((t) => ({ ...t })),
      subscriptions: [...this.subscriptions.values()].map((sub) => ({
        subscriptionId: sub.subscriptionId,
        displayName: sub.displayName,
        tenantId: sub.tenantId,
        state: sub.state,
        ...(sub.tags ? { tags: { ...sub.tags } } : {}),
        resourceGroups: [...sub.groups.values()].map((g) => ({
          name: g.name,
          location: g.location,
          ...(g.tags ? { tags: { ...g.tags } } : {}),
          virtualNetworkGateways: [...g.gateways.values()].map(plain),
          localNetworkGateways: [...g.localGateways.values()].map(plain),
          connections: [...g.connections.values()].map(connection),
        })),
      })),
    };
  }
}
