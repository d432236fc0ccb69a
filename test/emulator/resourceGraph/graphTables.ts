// The rows of Resource Graph's `resources` and `resourcecontainers` tables, made from the
// emulator's world as Graph shows them: ARM's id, `type` and `resourceGroup` lower-cased (as Graph
// indexes them), `properties` exactly as a GET shows them (so never a shared key), and Graph's
// fixed columns (kind, managedBy, sku, plan, identity, zones, extendedLocation) as Graph fills them
// for these types. Rows are made per subscription in scope, only for the tables a query reads.
import type { Backend } from '../backend';
import { connectionView, groupView, resourceView, subscriptionView, type NetworkType } from '../views';
import type { StoredGroup, StoredResource, StoredSubscription } from '../world';
import type { Row } from './kqlScalars';

export const GRAPH_TABLES = ['resources', 'resourcecontainers'] as const;
export type GraphTable = (typeof GRAPH_TABLES)[number];

/** Graph's columns, in Graph's order. */
export const GRAPH_COLUMNS = [
  'id', 'name', 'type', 'tenantId', 'kind', 'location', 'resourceGroup', 'subscriptionId',
  'managedBy', 'sku', 'plan', 'properties', 'tags', 'identity', 'zones', 'extendedLocation',
];

/** One row to be: its id, table, what changes when the resource does, and how to make it. */
export interface GraphEntry {
  id: string;
  table: GraphTable;
  fingerprint: string;
  row(): Row;
}

interface Shown {
  id: string;
  name: string;
  type: string;
  location: string;
  tags?: Record<string, string>;
  properties: Record<string, unknown>;
}

function graphRow(sub: StoredSubscription, resourceGroup: string, shown: Shown): Row {
  return {
    id: shown.id,
    name: shown.name,
    type: shown.type.toLowerCase(),
    tenantId: sub.tenantId,
    kind: '',
    location: shown.location,
    resourceGroup: resourceGroup.toLowerCase(),
    subscriptionId: sub.subscriptionId,
    managedBy: '',
    sku: null,
    plan: null,
    properties: shown.properties,
    tags: shown.tags ?? {},
    identity: null,
    zones: null,
    extendedLocation: null,
  };
}

function* networkEntries(b: Backend, sub: StoredSubscription, group: StoredGroup, now: number): Generator<GraphEntry> {
  const plain = (type: NetworkType, r: StoredResource): GraphEntry => {
    const view = resourceView(sub, group, type, r);
    return { id: view.id, table: 'resources', fingerprint: r.etag, row: () => graphRow(sub, group.name, view) };
  };
  for (const gateway of group.gateways.values()) yield plain('virtualNetworkGateways', gateway);
  for (const local of group.localGateways.values()) yield plain('localNetworkGateways', local);
  for (const c of group.connections.values()) {
    const state = b.provisioningState(c, now);
    const view = () => connectionView(sub, group, c, state);
    yield { id: resourceView(sub, group, 'connections', c).id, table: 'resources', fingerprint: `${c.etag}|${state}`, row: () => graphRow(sub, group.name, view()) };
  }
}

function subscriptionRow(sub: StoredSubscription): Row {
  const { id, subscriptionPolicies, tags } = subscriptionView(sub);
  const properties = {
    subscriptionPolicies,
    state: sub.state,
    managementGroupAncestorsChain: [{ displayName: 'Tenant Root Group', name: sub.tenantId }],
  };
  return graphRow(sub, '', { id, name: sub.displayName, type: 'microsoft.resources/subscriptions', location: '', tags, properties });
}

/** The rows of one subscription; subscriptions and groups never change, so their fingerprint is constant. */
export function* graphEntries(b: Backend, sub: StoredSubscription, now: number, tables: ReadonlySet<GraphTable>): Generator<GraphEntry> {
  if (tables.has('resourcecontainers')) {
    yield { id: `/subscriptions/${sub.subscriptionId}`, table: 'resourcecontainers', fingerprint: 'container', row: () => subscriptionRow(sub) };
    for (const group of sub.groups.values()) {
      const view = groupView(sub, group);
      const shown = { ...view, type: 'microsoft.resources/subscriptions/resourcegroups' };
      yield { id: view.id, table: 'resourcecontainers', fingerprint: 'container', row: () => graphRow(sub, group.name, shown) };
    }
  }
  if (tables.has('resources')) for (const group of sub.groups.values()) yield* networkEntries(b, sub, group, now);
}

/** The rows of one table for these subscriptions, as the world is now. */
export function liveRows(b: Backend, subscriptions: StoredSubscription[], table: GraphTable, now: number): Row[] {
  const tables = new Set([table]);
  return subscriptions.flatMap((sub) => [...graphEntries(b, sub, now, tables)].map((entry) => entry.row()));
}
