// GET /subscriptions/{id}[/resourceGroups/{group}]/resources: every network resource as a generic
// resource, with the documented $filter, $top (page) and $expand (createdTime, changedTime,
// provisioningState).
import { findGroup, findSubscription, page, type ArmHandler, type ArmRequest } from './arm';
import type { Backend } from './backend';
import { parseFilter } from './resourceFilter';
import { genericResourceView, type NetworkType } from './views';
import type { StoredConnection, StoredGroup, StoredResource, StoredSubscription } from './world';

const RESOURCE_COLLECTIONS: Array<[NetworkType, (g: StoredGroup) => Map<string, StoredResource>]> = [
  ['virtualNetworkGateways', (g) => g.gateways],
  ['localNetworkGateways', (g) => g.localGateways],
  ['connections', (g) => g.connections],
];

const EXPANDABLE = ['createdTime', 'changedTime', 'provisioningState'] as const;
type Expandable = (typeof EXPANDABLE)[number];

/** The documented $expand values asked for; others are ignored. */
function expansions(req: ArmRequest): Set<Expandable> {
  const wanted = (req.query.get('$expand') ?? '').split(',').map((s) => s.trim().toLowerCase());
  return new Set(EXPANDABLE.filter((e) => wanted.includes(e.toLowerCase())));
}

interface Listed {
  sub: StoredSubscription;
  group: StoredGroup;
  type: NetworkType;
  resource: StoredResource;
}

function expandedView(b: Backend, req: ArmRequest, item: Listed, expand: Set<Expandable>, withTags: boolean) {
  const { tags, ...view } = genericResourceView(item.sub, item.group, item.type, item.resource);
  const created = item.resource.createdAt ?? b.world.createdAt;
  const state = item.type === 'connections'
    ? b.provisioningState(item.resource as StoredConnection, req.now)
    : ((item.resource.properties.provisioningState as string | undefined) ?? 'Succeeded');
  return {
    ...view,
    ...(withTags && tags ? { tags } : {}),
    ...(expand.has('createdTime') ? { createdTime: new Date(created).toISOString() } : {}),
    ...(expand.has('changedTime') ? { changedTime: new Date(item.resource.changedAt ?? created).toISOString() } : {}),
    ...(expand.has('provisioningState') ? { provisioningState: state } : {}),
  };
}

export const listResources: ArmHandler = (req, b) => {
  const sub = findSubscription(req, b);
  const groups = req.params.group === undefined ? [...sub.groups.values()] : [findGroup(req, b).group];
  const filter = parseFilter(req.query.get('$filter'), 'resources');
  const expand = expansions(req);
  const items: unknown[] = [];
  for (const group of groups) {
    for (const [type, collection] of RESOURCE_COLLECTIONS) {
      for (const resource of collection(group).values()) {
        const subject = { name: resource.name, resourceType: `Microsoft.Network/${type}`, resourceGroup: group.name, location: resource.location, tags: resource.tags };
        if (filter.matches(subject)) items.push(expandedView(b, req, { sub, group, type, resource }, expand, !filter.byTag));
      }
    }
  }
  return page(req, b, items);
};
