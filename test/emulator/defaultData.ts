// The small realistic world the emulator serves by default (README.md, "Default data"): two
// subscriptions in one tenant, group names with periods, parentheses, hyphens, underscores and
// Unicode letters, every connection type and status, a group without a gateway and a gateway
// without connections. Statuses follow the keys (tunnels.ts): the simulated on-premises devices
// behind the local network gateways hold the keys that make them so.
import {
  armId,
  expressRouteConnection,
  expressRouteGateway,
  ipsecConnection,
  localNetworkGateway,
  stableKey,
  vnet2vnetConnection,
  vpnGateway,
} from './builders';
import type { StateFile } from './types';

export const DEFAULT_TENANT_ID = '3f2b9c1e-7d4a-4e8b-9c6f-1a2b3c4d5e6f';
export const PRODUCTION_SUBSCRIPTION_ID = '6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b';
export const LAB_SUBSCRIPTION_ID = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';

export const DEFAULT_TENANT = {
  tenantId: DEFAULT_TENANT_ID,
  displayName: 'Contoso Networks (emulated)',
  defaultDomain: 'contosonetworks.onmicrosoft.com',
};

const LAB_GROUP = 'rg-lab.vpn-eastus';
const GiB = 1024 ** 3;
/** The partner's custom IPsec/IKE policy (cn-lab-fabrikam). */
export const FABRIKAM_POLICY = {
  saLifeTimeSeconds: 3600,
  saDataSizeKilobytes: 102_400_000,
  ipsecEncryption: 'AES256',
  ipsecIntegrity: 'SHA256',
  ikeEncryption: 'AES256',
  ikeIntegrity: 'SHA384',
  dhGroup: 'DHGroup24',
  pfsGroup: 'PFS24',
};
/** The key both halves of the pair across subscriptions (Zürich ↔ Lab) hold. */
const CROSS_SUBSCRIPTION_KEY = stableKey('default/vnet2vnet/zurich<->lab-eus');

function production(): StateFile['subscriptions'][number] {
  const sub = PRODUCTION_SUBSCRIPTION_ID;
  const prod = 'rg-vpn.prod(westeurope)_01';
  const zurich = 'rg-Zürich-vpn';
  const prodGateway = armId(sub, prod, 'virtualNetworkGateways', 'vgw-prod-we');
  const zurichGateway = armId(sub, zurich, 'virtualNetworkGateways', 'vgw-zrh-01');
  const lgw = (group: string, name: string) => armId(sub, group, 'localNetworkGateways', name);
  const pairKey = stableKey('default/vnet2vnet/prod-we<->zurich');
  const labGateway = armId(LAB_SUBSCRIPTION_ID, LAB_GROUP, 'virtualNetworkGateways', 'vgw-lab-eus');
  const at = (group: string, name: string, location: string) => ({ subscriptionId: sub, group, name, location });
  return {
    subscriptionId: sub,
    displayName: 'Contoso Networking (Production)',
    tenantId: DEFAULT_TENANT_ID,
    state: 'Enabled',
    resourceGroups: [
      {
        name: prod,
        location: 'westeurope',
        tags: { environment: 'production' },
        virtualNetworkGateways: [
          vpnGateway({ ...at(prod, 'vgw-prod-we', 'westeurope'), sku: 'VpnGw2AZ', activeActive: true, enableBgp: true, asn: 65010, network: 10 }),
          expressRouteGateway({ ...at(prod, 'ergw-prod-we', 'westeurope'), sku: 'ErGw1AZ' }),
        ],
        localNetworkGateways: [
          localNetworkGateway({
            ...at(prod, 'lgw-paris-office', 'westeurope'),
            gatewayIpAddress: '203.0.113.10',
            addressPrefixes: ['10.110.0.0/16'],
            bgpAsn: 65110,
            bgpPeeringAddress: '169.254.21.1',
            device: { sharedKey: stableKey('default/cn-prod-we-paris') },
          }),
          localNetworkGateway({
            ...at(prod, 'lgw-lyon-office', 'westeurope'),
            gatewayIpAddress: '203.0.113.20',
            addressPrefixes: ['10.111.0.0/16', '10.112.0.0/24'],
            // The right key, but the office's device does not answer: the tunnel stays Connecting.
            device: { sharedKey: stableKey('default/cn-prod-we-lyon'), reachable: false },
          }),
          localNetworkGateway({ ...at(prod, 'lgw-frankfurt-dc', 'westeurope'), fqdn: 'vpn.frankfurt-dc.example.net', addressPrefixes: ['10.120.0.0/16'], bgpAsn: 65120 }),
        ],
        connections: [
          ipsecConnection({
            ...at(prod, 'cn-prod-we-paris', 'westeurope'),
            gatewayId: prodGateway,
            localGatewayId: lgw(prod, 'lgw-paris-office'),
            sharedKey: stableKey('default/cn-prod-we-paris'),
            enableBgp: true,
            traffic: { status: 'Connected', ingressBytes: 171 * GiB + 912_345, egressBytes: 86 * GiB + 45_678, tunnels: 2 },
            tags: { site: 'Paris' },
          }),
          ipsecConnection({
            ...at(prod, 'cn-prod-we-lyon', 'westeurope'),
            gatewayId: prodGateway,
            localGatewayId: lgw(prod, 'lgw-lyon-office'),
            protocol: 'IKEv1',
            sharedKey: stableKey('default/cn-prod-we-lyon'),
            traffic: { status: 'Connecting', ingressBytes: 1_048_576, egressBytes: 524_288 },
          }),
          ipsecConnection({
            ...at(prod, 'cn-prod-we-frankfurt-cert', 'westeurope'),
            gatewayId: prodGateway,
            localGatewayId: lgw(prod, 'lgw-frankfurt-dc'),
            certificateAuthentication: true,
            enableBgp: true,
            traffic: { status: 'Connected', ingressBytes: 7 * GiB + 340_032, egressBytes: 3 * GiB + 670_016, tunnels: 2 },
          }),
          vnet2vnetConnection({
            ...at(prod, 'cn-prod-we-zurich', 'westeurope'),
            gatewayId: prodGateway,
            peerGatewayId: zurichGateway,
            sharedKey: pairKey,
            traffic: { status: 'Connected', ingressBytes: 23 * GiB + 1_234, egressBytes: 31 * GiB + 4_321, tunnels: 2 },
          }),
          expressRouteConnection({
            ...at(prod, 'cn-prod-we-expressroute', 'westeurope'),
            gatewayId: armId(sub, prod, 'virtualNetworkGateways', 'ergw-prod-we'),
            circuitId: armId(sub, 'rg-expressroute-circuits', 'expressRouteCircuits', 'erc-amsterdam-equinix'),
            traffic: { status: 'Connected', ingressBytes: 1_204 * GiB + 77, egressBytes: 988 * GiB + 99 },
          }),
        ],
      },
      {
        name: zurich,
        location: 'switzerlandnorth',
        virtualNetworkGateways: [
          vpnGateway({ ...at(zurich, 'vgw-zrh-01', 'switzerlandnorth'), sku: 'VpnGw1', network: 20 }),
        ],
        localNetworkGateways: [
          localNetworkGateway({
            ...at(zurich, 'lgw-geneva-office', 'switzerlandnorth'),
            gatewayIpAddress: '203.0.113.30',
            addressPrefixes: ['10.130.0.0/16'],
            // The office's device holds another key: NotConnected.
            device: { sharedKey: stableKey('default/device/lgw-geneva-office') },
          }),
        ],
        connections: [
          vnet2vnetConnection({
            ...at(zurich, 'cn-zrh-prod-we', 'switzerlandnorth'),
            gatewayId: zurichGateway,
            peerGatewayId: prodGateway,
            sharedKey: pairKey,
            traffic: { status: 'Connected', ingressBytes: 31 * GiB + 4_321, egressBytes: 23 * GiB + 1_234 },
          }),
          ipsecConnection({
            ...at(zurich, 'cn-zrh-geneva', 'switzerlandnorth'),
            gatewayId: zurichGateway,
            localGatewayId: lgw(zurich, 'lgw-geneva-office'),
            sharedKey: stableKey('default/cn-zrh-geneva'),
            traffic: { status: 'NotConnected', ingressBytes: 0, egressBytes: 0 },
          }),
          vnet2vnetConnection({
            ...at(zurich, 'cn-zrh-lab-eus', 'switzerlandnorth'),
            gatewayId: zurichGateway,
            peerGatewayId: labGateway,
            sharedKey: CROSS_SUBSCRIPTION_KEY,
            traffic: { status: 'Connected', ingressBytes: 2 * GiB + 4_096, egressBytes: 5 * GiB + 8_192 },
          }),
        ],
      },
      {
        // Holds a local network gateway but no virtual network gateway.
        name: 'rg-shared_services',
        location: 'westeurope',
        virtualNetworkGateways: [],
        localNetworkGateways: [
          localNetworkGateway({ ...at('rg-shared_services', 'lgw-partner-hq', 'westeurope'), gatewayIpAddress: '203.0.113.50', addressPrefixes: ['10.150.0.0/16'] }),
        ],
        connections: [],
      },
    ],
  };
}

function lab(): StateFile['subscriptions'][number] {
  const sub = LAB_SUBSCRIPTION_ID;
  const group = LAB_GROUP;
  const gateway = armId(sub, group, 'virtualNetworkGateways', 'vgw-lab-eus');
  const staging = armId(sub, group, 'virtualNetworkGateways', 'vgw-lab-staging');
  const zurichGateway = armId(PRODUCTION_SUBSCRIPTION_ID, 'rg-Zürich-vpn', 'virtualNetworkGateways', 'vgw-zrh-01');
  const idleGateway = armId(sub, 'rg-idle-gateway_(test)', 'virtualNetworkGateways', 'vgw-idle-test');
  /** A Vnet2Vnet connection with a key of its own: NotConnected, whatever the other end holds. */
  const down = (name: string, gatewayId: string, peerGatewayId: string) =>
    vnet2vnetConnection({ ...at(group, name, 'eastus'), gatewayId, peerGatewayId, sharedKey: stableKey(`default/${name}`), traffic: { status: 'NotConnected', ingressBytes: 0, egressBytes: 0 } });
  const at = (g: string, name: string, location: string) => ({ subscriptionId: sub, group: g, name, location });
  return {
    subscriptionId: sub,
    displayName: 'Contoso Networking (Lab)',
    tenantId: DEFAULT_TENANT_ID,
    state: 'Enabled',
    resourceGroups: [
      {
        name: group,
        location: 'eastus',
        virtualNetworkGateways: [
          vpnGateway({ ...at(group, 'vgw-lab-eus', 'eastus'), sku: 'VpnGw1', network: 30, generation: 'Generation1' }),
          vpnGateway({ ...at(group, 'vgw-lab-staging', 'eastus'), sku: 'VpnGw1', network: 31 }),
        ],
        localNetworkGateways: [
          localNetworkGateway({ ...at(group, 'lgw-home-lab', 'eastus'), gatewayIpAddress: '198.51.100.40', addressPrefixes: ['192.168.0.0/16'] }),
          localNetworkGateway({
            ...at(group, 'lgw-partner-fabrikam', 'eastus'),
            fqdn: 'vpn.fabrikam.example',
            addressPrefixes: ['172.16.0.0/12'],
            device: { sharedKey: stableKey('default/cn-lab-fabrikam') },
          }),
        ],
        connections: [
          ipsecConnection({
            ...at(group, 'cn-lab-home', 'eastus'),
            gatewayId: gateway,
            localGatewayId: armId(sub, group, 'localNetworkGateways', 'lgw-home-lab'),
            sharedKey: stableKey('default/cn-lab-home'),
            traffic: { status: 'Unknown', ingressBytes: 0, egressBytes: 0 },
          }),
          ipsecConnection({
            ...at(group, 'cn-lab-fabrikam', 'eastus'),
            gatewayId: gateway,
            localGatewayId: armId(sub, group, 'localNetworkGateways', 'lgw-partner-fabrikam'),
            sharedKey: stableKey('default/cn-lab-fabrikam'),
            ipsecPolicies: [FABRIKAM_POLICY],
            traffic: { status: 'Connected', ingressBytes: 12 * GiB + 5_555, egressBytes: 6 * GiB + 7_777 },
          }),
          // The Lab half of the pair across subscriptions with cn-zrh-lab-eus: same key, Connected.
          vnet2vnetConnection({
            ...at(group, 'cn-lab-eus-zrh', 'eastus'),
            gatewayId: gateway,
            peerGatewayId: zurichGateway,
            sharedKey: CROSS_SUBSCRIPTION_KEY,
            traffic: { status: 'Connected', ingressBytes: 5 * GiB + 8_192, egressBytes: 2 * GiB + 4_096 },
          }),
          // A pair whose keys differ: NotConnected on both halves.
          down('cn-lab-eus-staging', gateway, staging),
          down('cn-lab-staging-eus', staging, gateway),
          // A half with no other half (the idle gateway has no connections): NotConnected.
          down('cn-lab-staging-idle', staging, idleGateway),
        ],
      },
      {
        name: 'rg-idle-gateway_(test)',
        location: 'eastus2',
        virtualNetworkGateways: [
          vpnGateway({ ...at('rg-idle-gateway_(test)', 'vgw-idle-test', 'eastus2'), sku: 'VpnGw1', network: 40 }),
        ],
        localNetworkGateways: [],
        connections: [],
      },
      { name: 'rg-app-données', location: 'francecentral', virtualNetworkGateways: [], localNetworkGateways: [], connections: [] },
    ],
  };
}

export function defaultState(): StateFile {
  return { tenants: [DEFAULT_TENANT], subscriptions: [production(), lab()] };
}
