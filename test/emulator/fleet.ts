// A generated fleet for scale tests: S subscriptions × G groups × W gateways × C connections per
// gateway, each IPsec connection to its own local network gateway and its simulated device; with
// `@P%`, only every (100/P)th subscription holds groups (the others hold nothing, as most of an
// enterprise's do). Names and keys are derived from positions, so the same spec always yields the same world.
import { armId, ipsecConnection, localNetworkGateway, stableGuid, stableKey, vpnGateway, type ConnectionStatus } from './builders';
import { DEFAULT_TENANT } from './defaultData';
import type { DeviceState, ResourceGroupState, StateFile, SubscriptionState } from './types';

export interface FleetSpec {
  subscriptions: number;
  groups: number;
  gateways: number;
  connections: number;
  /** Every this-many-th subscription (the first included) holds the groups; 1: all of them. */
  gatewayEvery: number;
}

const MAX_RESOURCES = 2_000_000;

export function parseFleet(spec: string): FleetSpec {
  const match = /^(\d+)x(\d+)x(\d+)x(\d+)(?:@(\d+)%)?$/i.exec(spec.trim());
  if (!match) throw new Error(`--fleet wants SUBSxGROUPSxGATEWAYSxCONNECTIONS[@PERCENT%] (e.g. 10x30x2x4, 2000x1x2x4@5%), not "${spec}"`);
  const [subscriptions, groups, gateways, connections] = match.slice(1, 5).map(Number);
  const percent = match[5] === undefined ? 100 : Number(match[5]);
  if (subscriptions < 1) throw new Error('--fleet needs at least one subscription');
  if (percent < 1 || percent > 100 || !Number.isInteger(100 / percent)) throw new Error(`--fleet: the share of subscriptions with gateways must divide 100 (1, 2, 4, 5, 10, 20, 25, 50 or 100 %), not ${percent} %`);
  if (subscriptions * groups * gateways * (1 + 2 * connections) > MAX_RESOURCES) {
    throw new Error(`--fleet ${spec} is more than ${MAX_RESOURCES} resources`);
  }
  return { subscriptions, groups, gateways, connections, gatewayEvery: 100 / percent };
}

/** Whether the subscription at this position holds the fleet's groups. */
export function holdsGateways(spec: FleetSpec, position: number): boolean {
  return position % spec.gatewayEvery === 0;
}

/** How many subscriptions of the fleet hold groups (and so gateways). */
export function subscriptionsWithGateways(spec: FleetSpec): number {
  return Math.ceil(spec.subscriptions / spec.gatewayEvery);
}

const LOCATIONS = ['westeurope', 'northeurope', 'eastus', 'switzerlandnorth'];
const STATUSES: ConnectionStatus[] = ['Connected', 'Connected', 'Connecting', 'NotConnected', 'Unknown'];

/** The on-premises device that gives a connection its status (tunnels.ts); cheap: no extra key is made. */
function deviceFor(status: ConnectionStatus, sharedKey: string): DeviceState | undefined {
  if (status === 'Connected') return { sharedKey };
  if (status === 'Connecting') return { sharedKey, reachable: false };
  if (status === 'NotConnected') return { sharedKey: sharedKey.slice(1) };
  return undefined;
}

function fleetGroup(spec: FleetSpec, subscriptionId: string, s: number, g: number): ResourceGroupState {
  const name = `rg-fleet.${g + 1}(sub${s + 1})_vpn`;
  const location = LOCATIONS[(s + g) % LOCATIONS.length];
  const group: ResourceGroupState = { name, location, virtualNetworkGateways: [], localNetworkGateways: [], connections: [] };
  const at = (resource: string) => ({ subscriptionId, group: name, name: resource, location });
  for (let w = 0; w < spec.gateways; w++) {
    const gatewayName = `vgw-${g + 1}-${w + 1}`;
    const gatewayId = armId(subscriptionId, name, 'virtualNetworkGateways', gatewayName);
    group.virtualNetworkGateways.push(
      vpnGateway({ ...at(gatewayName), sku: w % 2 ? 'VpnGw2' : 'VpnGw1', activeActive: w % 3 === 2, network: (g * spec.gateways + w) % 250 }),
    );
    for (let c = 0; c < spec.connections; c++) {
      const site = `${w + 1}-${c + 1}`;
      const connectionId = armId(subscriptionId, name, 'connections', `cn-${site}`);
      const seq = s + g + w + c;
      const status = STATUSES[seq % STATUSES.length];
      const sharedKey = stableKey(`fleet/${connectionId}`);
      group.localNetworkGateways.push(
        localNetworkGateway({
          ...at(`lgw-${site}`),
          gatewayIpAddress: `203.0.${(s + g) % 250}.${(w * spec.connections + c) % 250}`,
          addressPrefixes: [`10.${(w + 100) % 250}.${c % 250}.0/24`],
          device: deviceFor(status, sharedKey),
        }),
      );
      group.connections.push(
        ipsecConnection({
          ...at(`cn-${site}`),
          gatewayId,
          localGatewayId: armId(subscriptionId, name, 'localNetworkGateways', `lgw-${site}`),
          sharedKey,
          traffic: {
            status,
            ingressBytes: status === 'Connected' ? (seq + 1) * 7_340_033 : 0,
            egressBytes: status === 'Connected' ? (seq + 1) * 3_670_019 : 0,
          },
        }),
      );
    }
  }
  return group;
}

export function fleetState(specText: string): StateFile {
  const spec = parseFleet(specText);
  const subscriptions: SubscriptionState[] = [];
  for (let s = 0; s < spec.subscriptions; s++) {
    const subscriptionId = stableGuid(`fleet-subscription-${s}`);
    const resourceGroups: ResourceGroupState[] = [];
    for (let g = 0; holdsGateways(spec, s) && g < spec.groups; g++) resourceGroups.push(fleetGroup(spec, subscriptionId, s, g));
    subscriptions.push({
      subscriptionId,
      displayName: `Fleet subscription ${String(s + 1).padStart(3, '0')}`,
      tenantId: DEFAULT_TENANT.tenantId,
      state: 'Enabled',
      resourceGroups,
    });
  }
  return { tenants: [DEFAULT_TENANT], subscriptions };
}
