// The simulated on-premises VPN devices behind local network gateways: the key each holds and
// whether it answers. Read from (and written back to) `localNetworkGateways[].device` in the state
// file, changed through the control API; never shown by a Resource Manager route.
import { armId } from './builders';
import type { DeviceState, StateFile } from './types';
import { lookupKey } from './world';

export interface Device extends DeviceState {
  /** When the device last changed (ms since the epoch); -Infinity for the initial data. */
  since: number;
}

class DeviceError extends Error {}

const PRINTABLE_KEY = /^[\x20-\x7E]{1,128}$/;

/** Checks a device as the state file or the control API gives it; `where` names the place, never the key. */
export function checkDevice(value: unknown, where: string, fail: (message: string) => Error = (m) => new DeviceError(m)): DeviceState {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw fail(`${where} must be an object`);
  const { sharedKey, reachable, ...rest } = value as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) throw fail(`${where} has unknown fields: ${unknown.join(', ')} (allowed: sharedKey, reachable)`);
  if (sharedKey !== undefined && (typeof sharedKey !== 'string' || !PRINTABLE_KEY.test(sharedKey))) {
    throw fail(`${where}.sharedKey must be 1-128 printable ASCII characters`);
  }
  if (reachable !== undefined && typeof reachable !== 'boolean') throw fail(`${where}.reachable must be true or false`);
  return { ...(sharedKey !== undefined ? { sharedKey: sharedKey as string } : {}), ...(reachable !== undefined ? { reachable } : {}) };
}

export class Devices {
  private readonly byGateway = new Map<string, Device>();

  /** Throws, naming the place, when a device in the state is malformed. */
  constructor(state: StateFile) {
    state.subscriptions.forEach((sub, i) =>
      sub.resourceGroups.forEach((group, j) =>
        (group.localNetworkGateways ?? []).forEach((lgw, k) => {
          if (lgw.device === undefined) return;
          const where = `state file: subscriptions[${i}].resourceGroups[${j}].localNetworkGateways[${k}].device`;
          const device = checkDevice(lgw.device, where);
          this.byGateway.set(lookupKey(armId(sub.subscriptionId, group.name, 'localNetworkGateways', lgw.name)), { ...device, since: -Infinity });
        }),
      ),
    );
  }

  /** The device behind a local network gateway, by its ARM id (any casing). */
  of(localGatewayId: string): Device | undefined {
    return this.byGateway.get(lookupKey(localGatewayId));
  }

  set(localGatewayId: string, device: DeviceState, now: number): void {
    this.byGateway.set(lookupKey(localGatewayId), { ...device, since: now });
  }

  remove(localGatewayId: string): void {
    this.byGateway.delete(lookupKey(localGatewayId));
  }

  /** Puts each device back on its local network gateway in a state-file dump. */
  addTo(state: StateFile): StateFile {
    for (const sub of state.subscriptions) {
      for (const group of sub.resourceGroups) {
        for (const lgw of group.localNetworkGateways) {
          const device = this.of(armId(sub.subscriptionId, group.name, 'localNetworkGateways', lgw.name));
          if (device) lgw.device = { ...(device.sharedKey !== undefined ? { sharedKey: device.sharedKey } : {}), reachable: device.reachable ?? true };
        }
      }
    }
    return state;
  }
}
