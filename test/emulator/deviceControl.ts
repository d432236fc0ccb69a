// The control API of the simulated on-premises devices ("update the peer device"):
// GET, PUT and DELETE /_emulator/devices/{subscriptionId}/{group}/{localNetworkGateway}. A test
// tool, so it shows the device's key; each connection to the gateway says whether its key matches.
import { ArmError } from './armErrors';
import type { Backend } from './backend';
import { armId } from './builders';
import { checkDevice } from './devices';
import type { Reply } from './http';
import type { DeviceRecord } from './types';
import { lookupKey } from './world';

function localGatewayId(b: Backend, [sub, group, name]: string[]): string {
  const s = b.world.subscription(sub);
  const g = s?.groups.get(lookupKey(group));
  const lgw = g?.localGateways.get(lookupKey(name));
  if (!s || !g || !lgw) throw new ArmError(404, 'NotFound', `No local network gateway ${sub}/${group}/${name}.`);
  return armId(s.subscriptionId, g.name, 'localNetworkGateways', lgw.name);
}

function record(b: Backend, id: string, now: number): DeviceRecord {
  const device = b.devices.of(id);
  return {
    localNetworkGateway: id,
    device: device ? { ...(device.sharedKey !== undefined ? { sharedKey: device.sharedKey } : {}), reachable: device.reachable ?? true } : null,
    connections: b.tunnels.connectionsTo(id).map(({ id: connectionId, connection }) => ({
      id: connectionId,
      connectionStatus: b.tunnels.link(connection, now).status,
      sharedKeyMatches: device?.sharedKey !== undefined && device.sharedKey === connection.properties.sharedKey,
    })),
  };
}

/** The handlers by method for one device; `path` is [subscriptionId, group, localNetworkGateway]. */
export function deviceControl(b: Backend, path: string[], body: unknown, now: number): Record<string, () => Reply> {
  b.operations.settle(now);
  const id = localGatewayId(b, path);
  const fail = (message: string) => new ArmError(400, 'InvalidControlRequest', `${message}.`);
  return {
    GET: () => ({ status: 200, body: record(b, id, now) }),
    PUT: () => {
      const device = checkDevice(body ?? {}, 'The device', fail);
      b.tunnels.deviceChange(id, now, () => b.devices.set(id, device, now));
      return { status: 200, body: record(b, id, now) };
    },
    DELETE: () => {
      b.tunnels.deviceChange(id, now, () => b.devices.remove(id));
      return { status: 204 };
    },
  };
}
