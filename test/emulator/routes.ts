// The ARM route table: path patterns (literal segments match case-insensitively, like ARM), the
// handler per method, and which API family's versions each accepts.
import { API_VERSIONS, unsupportedApiVersion, type ApiFamily } from './apiVersions';
import { methodNotAllowed, unknownRoute } from './armErrors';
import type { ArmHandler } from './arm';
import {
  deleteConnection,
  getConnection,
  getSharedKey,
  listConnections,
  patchConnection,
  putConnection,
  resetSharedKey,
  setSharedKey,
} from './connections';
import {
  getGateway,
  getGroup,
  getLocalGateway,
  getSubscription,
  listGatewayConnections,
  listGateways,
  listGroups,
  listLocalGateways,
  listSubscriptions,
  listTenants,
} from './listings';
import { operationResult, operationStatus } from './operationRoutes';
import { queryResources } from './resourceGraph/graphRoute';
import { getAdvertisedRoutes, getBgpPeerStatus, getLearnedRoutes } from './bgp';
import { supportedVpnDevices, vpnDeviceConfigurationScript } from './deviceConfig';
import { getIkeSas, resetConnection } from './troubleshooting';
import { getProvider, listProviders } from './providers';
import { listResources } from './resourceList';
import type { World } from './world';

interface Route {
  pattern: string[];
  family: ApiFamily;
  handlers: Partial<Record<string, ArmHandler>>;
}

const SUB = ['subscriptions', ':sub'];
const GROUP = [...SUB, 'resourcegroups', ':group'];
const NETWORK = [...GROUP, 'providers', 'microsoft.network'];
const LOCATION = [...SUB, 'providers', 'microsoft.network', 'locations', ':location'];

const ROUTES: Route[] = [
  { pattern: ['tenants'], family: 'subscriptions', handlers: { GET: listTenants } },
  { pattern: ['subscriptions'], family: 'subscriptions', handlers: { GET: listSubscriptions } },
  { pattern: SUB, family: 'subscriptions', handlers: { GET: getSubscription } },
  { pattern: ['providers'], family: 'resources', handlers: { GET: listProviders } },
  { pattern: ['providers', ':namespace'], family: 'resources', handlers: { GET: getProvider } },
  { pattern: [...SUB, 'providers'], family: 'resources', handlers: { GET: listProviders } },
  { pattern: [...SUB, 'providers', ':namespace'], family: 'resources', handlers: { GET: getProvider } },
  { pattern: [...SUB, 'resourcegroups'], family: 'resources', handlers: { GET: listGroups } },
  { pattern: GROUP, family: 'resources', handlers: { GET: getGroup } },
  { pattern: [...SUB, 'resources'], family: 'resources', handlers: { GET: listResources } },
  { pattern: [...GROUP, 'resources'], family: 'resources', handlers: { GET: listResources } },
  { pattern: [...NETWORK, 'virtualnetworkgateways'], family: 'network', handlers: { GET: listGateways } },
  { pattern: [...NETWORK, 'virtualnetworkgateways', ':name'], family: 'network', handlers: { GET: getGateway } },
  { pattern: [...NETWORK, 'virtualnetworkgateways', ':name', 'connections'], family: 'network', handlers: { GET: listGatewayConnections } },
  { pattern: [...NETWORK, 'virtualnetworkgateways', ':name', 'getbgppeerstatus'], family: 'network', handlers: { POST: getBgpPeerStatus } },
  { pattern: [...NETWORK, 'virtualnetworkgateways', ':name', 'getlearnedroutes'], family: 'network', handlers: { POST: getLearnedRoutes } },
  { pattern: [...NETWORK, 'virtualnetworkgateways', ':name', 'getadvertisedroutes'], family: 'network', handlers: { POST: getAdvertisedRoutes } },
  { pattern: [...NETWORK, 'virtualnetworkgateways', ':name', 'supportedvpndevices'], family: 'network', handlers: { POST: supportedVpnDevices } },
  { pattern: [...NETWORK, 'localnetworkgateways'], family: 'network', handlers: { GET: listLocalGateways } },
  { pattern: [...NETWORK, 'localnetworkgateways', ':name'], family: 'network', handlers: { GET: getLocalGateway } },
  { pattern: [...NETWORK, 'connections'], family: 'network', handlers: { GET: listConnections } },
  {
    pattern: [...NETWORK, 'connections', ':name'],
    family: 'network',
    handlers: { GET: getConnection, PUT: putConnection, PATCH: patchConnection, DELETE: deleteConnection },
  },
  { pattern: [...NETWORK, 'connections', ':name', 'sharedkey'], family: 'network', handlers: { GET: getSharedKey, PUT: setSharedKey } },
  { pattern: [...NETWORK, 'connections', ':name', 'sharedkey', 'reset'], family: 'network', handlers: { POST: resetSharedKey } },
  { pattern: [...NETWORK, 'connections', ':name', 'getikesas'], family: 'network', handlers: { POST: getIkeSas } },
  { pattern: [...NETWORK, 'connections', ':name', 'resetconnection'], family: 'network', handlers: { POST: resetConnection } },
  { pattern: [...NETWORK, 'connections', ':name', 'vpndeviceconfigurationscript'], family: 'network', handlers: { POST: vpnDeviceConfigurationScript } },
  { pattern: [...LOCATION, 'operations', ':id'], family: 'network', handlers: { GET: operationStatus } },
  { pattern: [...LOCATION, 'operationresults', ':id'], family: 'network', handlers: { GET: operationResult } },
  { pattern: ['providers', 'microsoft.resourcegraph', 'resources'], family: 'resourceGraph', handlers: { POST: queryResources } },
];

function match(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i].startsWith(':')) params[pattern[i].slice(1)] = segments[i];
    else if (pattern[i] !== segments[i].toLowerCase()) return undefined;
  }
  return params;
}

/** The handler for this request, or the ARM error for an unknown path, a wrong method or an unsupported api-version. */
export function route(method: string, segments: string[], path: string, apiVersion: string, world: World): { handler: ArmHandler; params: Record<string, string> } {
  for (const r of ROUTES) {
    const params = match(r.pattern, segments);
    if (!params) continue;
    const handler = r.handlers[method];
    if (!handler) throw methodNotAllowed(method, Object.keys(r.handlers));
    if (!API_VERSIONS[r.family].includes(apiVersion)) throw unsupportedApiVersion(r.family, apiVersion, segments, params, world);
    return { handler, params };
  }
  throw unknownRoute(path);
}
