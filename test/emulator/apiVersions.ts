// Every api-version the official specs publish for the types the emulator serves, oldest → newest
// (/work/shared/azure-specs/API-VERSIONS.md), and ARM's 400 for a version a route does not know.
import { ArmError, resourceGroupNotFound, subscriptionNotFound } from './armErrors';
import { locationNames } from './locations';
import { lookupKey, type World } from './world';

export type ApiFamily = 'subscriptions' | 'resources' | 'network' | 'resourceGraph';

/** Gateways, local gateways and connections share one swagger file, so one list serves all three. */
const NETWORK = [
  '2015-05-01-preview', '2015-06-15', '2016-03-30', '2016-06-01', '2016-09-01', '2016-12-01',
  '2017-03-01', '2017-06-01', '2017-08-01', '2017-09-01', '2017-10-01', '2017-11-01',
  '2018-01-01', '2018-02-01', '2018-04-01', '2018-06-01', '2018-07-01', '2018-08-01', '2018-10-01', '2018-11-01', '2018-12-01',
  '2019-02-01', '2019-04-01', '2019-06-01', '2019-07-01', '2019-08-01', '2019-09-01', '2019-11-01', '2019-12-01',
  '2020-03-01', '2020-04-01', '2020-05-01', '2020-06-01', '2020-07-01', '2020-08-01', '2020-11-01',
  '2021-02-01', '2021-03-01', '2021-05-01', '2021-08-01', '2022-01-01', '2022-05-01', '2022-07-01', '2022-09-01', '2022-11-01',
  '2023-02-01', '2023-04-01', '2023-05-01', '2023-06-01', '2023-09-01', '2023-11-01',
  '2024-01-01', '2024-03-01', '2024-05-01', '2024-07-01', '2024-10-01',
  '2025-01-01', '2025-03-01', '2025-05-01', '2025-07-01', '2025-09-01', '2026-01-01',
];

const RESOURCES = [
  '2015-11-01', '2016-02-01', '2016-07-01', '2016-09-01', '2017-05-10', '2018-02-01', '2018-05-01',
  '2019-03-01', '2019-05-01', '2019-05-10', '2019-07-01', '2019-08-01', '2019-10-01',
  '2020-06-01', '2020-08-01', '2020-10-01', '2021-01-01', '2021-04-01', '2022-09-01', '2023-07-01',
  '2024-03-01', '2024-07-01', '2024-11-01', '2025-03-01', '2025-04-01',
];

const SUBSCRIPTIONS = ['2015-11-01', '2016-06-01', '2018-06-01', '2019-06-01', '2019-11-01', '2020-01-01', '2021-01-01', '2022-12-01'];

const RESOURCE_GRAPH = [
  '2018-09-01-preview', '2019-04-01', '2020-04-01-preview', '2021-03-01', '2021-06-01-preview', '2022-10-01', '2023-09-01-preview', '2024-04-01',
];

/** api-versions per family of routes, oldest → newest; `resourceGraph` is for the Resource Graph query route. */
export const API_VERSIONS: Record<ApiFamily, readonly string[]> = {
  subscriptions: SUBSCRIPTIONS,
  resources: RESOURCES,
  network: NETWORK,
  resourceGraph: RESOURCE_GRAPH,
};

/** The namespace whose provider metadata lists each family. */
export const NAMESPACES: Record<ApiFamily, string> = {
  subscriptions: 'Microsoft.Resources',
  resources: 'Microsoft.Resources',
  network: 'Microsoft.Network',
  resourceGraph: 'Microsoft.ResourceGraph',
};

/** Where ARM routes the request: the location in the path, else the resource group's. */
function requestLocation(world: World, params: Record<string, string>): string {
  if (params.location) return params.location;
  if (params.sub === undefined || params.group === undefined) return 'global';
  const sub = world.subscription(params.sub);
  if (!sub) throw subscriptionNotFound(params.sub);
  const group = sub.groups.get(lookupKey(params.group));
  if (!group) throw resourceGroupNotFound(params.group);
  return group.location;
}

/** The resource type a provider path names: the type segments after the namespace, names left out. */
function resourceType(segments: string[]): string {
  const at = segments.findIndex((_, i) => i > 0 && segments[i - 1].toLowerCase() === 'providers');
  return segments.slice(at + 1).filter((_, i) => i % 2 === 0).join('/');
}

/** ARM's 400 for an api-version the route does not serve, in ARM's words. */
export function unsupportedApiVersion(family: ApiFamily, version: string, segments: string[], params: Record<string, string>, world: World): ArmError {
  const supported = API_VERSIONS[family];
  if (family === 'network') {
    return new ArmError(
      400,
      'NoRegisteredProviderFound',
      `No registered resource provider found for location '${requestLocation(world, params)}' and API version '${version}' for type '${resourceType(segments)}'. ` +
        `The supported api-versions are '${supported.join(', ')}'. The supported locations are '${locationNames().join(', ')}'.`,
    );
  }
  return invalidApiVersion(version, supported);
}

/** The answer outside the network provider: ARM lists the versions newest first. */
export function invalidApiVersion(version: string, supported: readonly string[]): ArmError {
  return new ArmError(400, 'InvalidApiVersionParameter', `The api-version '${version}' is invalid. The supported versions are '${[...supported].reverse().join(',')}'.`);
}
