// Provider metadata (Providers_List / _Get, at subscription and tenant scope) in the shape of the
// spec example GetProvider.json: the types each namespace serves, their api-versions (newest
// first, as ARM lists them) and locations, so clients can pick an api-version from it.
import { API_VERSIONS, NAMESPACES, type ApiFamily } from './apiVersions';
import { ArmError } from './armErrors';
import { findSubscription, page, type ArmHandler, type ArmRequest } from './arm';
import { locationDisplayNames } from './locations';
import type { Backend } from './backend';
import type { Reply } from './http';

interface ResourceTypeSpec {
  resourceType: string;
  family: ApiFamily;
  /** Types that live in a region list the regions; global ones list none. */
  regional: boolean;
  capabilities?: string;
}

const TRACKED = 'CrossResourceGroupResourceMove, CrossSubscriptionResourceMove, SupportsTags, SupportsLocation';

const TYPES: ResourceTypeSpec[] = [
  { resourceType: 'virtualNetworkGateways', family: 'network', regional: true, capabilities: TRACKED },
  { resourceType: 'localNetworkGateways', family: 'network', regional: true, capabilities: TRACKED },
  { resourceType: 'connections', family: 'network', regional: true, capabilities: TRACKED },
  { resourceType: 'locations', family: 'network', regional: false },
  { resourceType: 'locations/operations', family: 'network', regional: true },
  { resourceType: 'locations/operationResults', family: 'network', regional: true },
  { resourceType: 'tenants', family: 'subscriptions', regional: false },
  { resourceType: 'subscriptions', family: 'subscriptions', regional: false },
  { resourceType: 'resourceGroups', family: 'resources', regional: true, capabilities: 'SupportsTags, SupportsLocation' },
  { resourceType: 'resources', family: 'resources', regional: false },
  { resourceType: 'providers', family: 'resources', regional: false },
  { resourceType: 'subscriptions/providers', family: 'resources', regional: false },
  { resourceType: 'subscriptions/resources', family: 'resources', regional: false },
  { resourceType: 'subscriptions/resourceGroups', family: 'resources', regional: false },
  { resourceType: 'subscriptions/resourceGroups/resources', family: 'resources', regional: false },
  { resourceType: 'resources', family: 'resourceGraph', regional: false },
];

const REGISTRATION_POLICY: Record<string, string> = {
  'Microsoft.Network': 'RegistrationRequired',
  'Microsoft.Resources': 'RegistrationFree',
  'Microsoft.ResourceGraph': 'RegistrationRequired',
};

const namespaces = (): string[] => [...new Set(Object.values(NAMESPACES))];

function resourceTypeView(t: ResourceTypeSpec) {
  return {
    resourceType: t.resourceType,
    locations: t.regional ? locationDisplayNames() : [],
    apiVersions: [...API_VERSIONS[t.family]].reverse(),
    capabilities: t.capabilities ?? 'None',
  };
}

/** A provider as ARM shows it; only a subscription's view has a registration state. */
function providerView(namespace: string, subscriptionId: string | undefined) {
  return {
    id: subscriptionId === undefined ? `/providers/${namespace}` : `/subscriptions/${subscriptionId}/providers/${namespace}`,
    namespace,
    ...(subscriptionId === undefined ? {} : { registrationState: 'Registered', registrationPolicy: REGISTRATION_POLICY[namespace] }),
    resourceTypes: TYPES.filter((t) => NAMESPACES[t.family] === namespace).map(resourceTypeView),
  };
}

function scopeOf(req: ArmRequest, b: Backend): string | undefined {
  return req.params.sub === undefined ? undefined : findSubscription(req, b).subscriptionId;
}

export const listProviders: ArmHandler = (req, b) => {
  const subscriptionId = scopeOf(req, b);
  return page(req, b, namespaces().map((n) => providerView(n, subscriptionId)));
};

export const getProvider: ArmHandler = (req, b): Reply => {
  const subscriptionId = scopeOf(req, b);
  const namespace = namespaces().find((n) => n.toLowerCase() === req.params.namespace.toLowerCase());
  if (!namespace) throw new ArmError(404, 'InvalidResourceNamespace', `The resource namespace '${req.params.namespace}' is invalid.`);
  return { status: 200, body: providerView(namespace, subscriptionId) };
};
