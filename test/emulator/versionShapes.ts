// Each api-version answers in its own shape: a field the specs added in a later version is left
// out of an answer at an earlier one. Sources (README, "Api-versions"): the per-version models of
// Debian's azure-mgmt-network 23.0.0b1 / azure-mgmt-resource 22.0.0 and the swagger files upstream.
import type { Reply } from './http';

/** Dotted JSON path (array items included) → the first api-version whose spec has it. */
type Since = Record<string, string>;

const GATEWAY: Since = {
  'properties.activeActive': '2016-09-01',
  'properties.customRoutes': '2019-02-01',
  'properties.vpnGatewayGeneration': '2019-07-01',
  'properties.enableDnsForwarding': '2019-08-01',
  'properties.inboundDnsForwardingEndpoint': '2019-08-01',
  'properties.enablePrivateIpAddress': '2019-12-01',
  'properties.bgpSettings.bgpPeeringAddresses': '2019-12-01',
  'properties.vNetExtendedLocationResourceId': '2020-07-01',
  'properties.natRules': '2021-02-01',
  'properties.enableBgpRouteTranslationForNat': '2021-02-01',
  'properties.disableIPSecReplayProtection': '2021-05-01',
  'properties.virtualNetworkGatewayPolicyGroups': '2022-05-01',
  'properties.allowVirtualWanTraffic': '2022-07-01',
  'properties.allowRemoteVnetTraffic': '2022-07-01',
  'properties.autoScaleConfiguration': '2023-09-01',
  'properties.adminState': '2023-09-01',
  'properties.virtualNetworkGatewayMigrationStatus': '2025-01-01',
  'properties.enableHighBandwidthVpnGateway': '2025-01-01',
  'properties.resiliencyModel': '2025-01-01',
};

const LOCAL_GATEWAY: Since = {
  'properties.fqdn': '2019-12-01',
  'properties.bgpSettings.bgpPeeringAddresses': '2019-12-01',
};

/** Also the shape of a gateway's connection list entries. */
const CONNECTION: Since = {
  'properties.tunnelConnectionStatus': '2016-09-01',
  'properties.ipsecPolicies': '2017-03-01',
  'properties.usePolicyBasedTrafficSelectors': '2017-03-01',
  'properties.expressRouteGatewayBypass': '2018-07-01',
  'properties.connectionProtocol': '2018-08-01',
  'properties.trafficSelectorPolicies': '2019-07-01',
  'properties.useLocalAzureIpAddress': '2019-12-01',
  'properties.dpdTimeoutSeconds': '2020-03-01',
  'properties.connectionMode': '2020-07-01',
  'properties.ingressNatRules': '2021-02-01',
  'properties.egressNatRules': '2021-02-01',
  'properties.gatewayCustomBgpIpAddresses': '2022-05-01',
  'properties.enablePrivateLinkFastPath': '2022-05-01',
  'properties.authenticationType': '2025-03-01',
  'properties.certificateAuthentication': '2025-03-01',
};

const SHAPES: Record<string, Since> = {
  'microsoft.network/virtualnetworkgateways': GATEWAY,
  'microsoft.network/localnetworkgateways': LOCAL_GATEWAY,
  'microsoft.network/connections': CONNECTION,
  'microsoft.resources/resourcegroups': { managedBy: '2016-09-01', type: '2018-05-01' },
  subscription: { tenantId: '2018-06-01', managedByTenants: '2019-06-01', tags: '2019-11-01' },
  tenant: {
    countryCode: '2018-06-01', displayName: '2018-06-01', domains: '2018-06-01', tenantCategory: '2019-06-01',
    defaultDomain: '2021-01-01', tenantType: '2021-01-01',
  },
  provider: { registrationPolicy: '2019-03-01', 'resourceTypes.capabilities': '2019-03-01', 'resourceTypes.defaultApiVersion': '2020-06-01' },
  sharedKey: { id: '2018-04-01' },
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A copy of `value` without the field at `path`; only the objects on the path are copied, so stored state is never changed. */
function omit(value: unknown, path: string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => omit(item, path));
  if (!isObject(value) || !(path[0] in value)) return value;
  const [key, ...rest] = path;
  const { [key]: child, ...others } = value;
  return rest.length === 0 ? others : { ...others, [key]: omit(child, rest) };
}

/** Which table an answer item follows: its ARM type, or its id's shape where it has no type. */
function kindOf(item: Json, path: string): string | undefined {
  if (typeof item.type === 'string') return item.type.toLowerCase();
  const id = typeof item.id === 'string' ? item.id : '';
  if (/^\/subscriptions\/[^/]+$/i.test(id)) return 'subscription';
  if (/^\/tenants\/[^/]+$/i.test(id)) return 'tenant';
  if (/\/providers\/[^/]+$/i.test(id) && 'namespace' in item) return 'provider';
  if (/\/sharedkey$/i.test(path)) return 'sharedKey';
  return undefined;
}

function shapeItem(item: unknown, path: string, apiVersion: string): unknown {
  if (!isObject(item)) return item;
  const since = SHAPES[kindOf(item, path) ?? ''];
  if (!since) return item;
  let shaped: unknown = item;
  for (const [field, version] of Object.entries(since)) if (apiVersion < version) shaped = omit(shaped, field.split('.'));
  return shaped;
}

/** The reply as the requested api-version shows it (a list's items each shaped). */
export function shapeForApiVersion(reply: Reply, path: string, apiVersion: string): Reply {
  const body = reply.body;
  if (isObject(body) && Array.isArray(body.value)) {
    return { ...reply, body: { ...body, value: body.value.map((item) => shapeItem(item, path, apiVersion)) } };
  }
  return { ...reply, body: shapeItem(body, path, apiVersion) };
}
