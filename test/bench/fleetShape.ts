// A generated fleet's shape and the physical limit of a full tree load on it: the chain of dependent
// round trips, times the latency.
import { parseFleet, type FleetSpec } from '../emulator/fleet';

export type FleetShape = FleetSpec;

export const fleetShape = parseFleet;

/** Pages of a list of `items` (a list always answers at least one page). */
function pages(items: number, pageSize: number): number {
  return Math.max(1, Math.ceil(items / pageSize));
}

/**
 * The dependent round trips of a full load: the subscription pages, then one subscription's
 * gateway-resource pages, then one group's gateway pages, then one gateway's connection pages.
 * Each waits for the one before; everything else can run beside them.
 */
export function dependentRoundTrips(fleet: FleetShape, pageSize: number): number {
  return (
    pages(fleet.subscriptions, pageSize) +
    pages(fleet.groups * fleet.gateways, pageSize) +
    pages(fleet.gateways, pageSize) +
    pages(fleet.connections, pageSize)
  );
}
