// Discovery through Azure Resource Graph against the Resource Manager walk, on the same fleet at
// the same latency, one after the other with the same api: the first level (only subscriptions
// that hold gateways) and the full tree with every connection's live status — dependent round
// trips, requests, time and the loader's CPU, medians.
import type { AzureVpnApi } from '../../src/azure/api';
import type { Subscription } from '../../src/azure/model';
import { subscriptionsWithGateways } from '../emulator/fleet';
import type { EmulatorProcess } from './emulatorProcess';
import { fleetShape } from './fleetShape';
import { graphFirstLevel, loadFullTreeThroughGraph, walkFirstLevel } from './graphTreeLoad';
import { armRequests, median, roundTripsOf, timed } from './measure';
import { benchApi, checkComplete, loadFullTree, type LoadedTree } from './treeLoad';

export interface LoadFigures {
  ms: number;
  requests: number;
  roundTrips: number;
  cpuMs: number;
  emulatorCpuMs: number;
  /** Through Graph: until Go to Connection…'s list was read too, after the tree. */
  searchReadyMs?: number;
}

export interface FleetComparison {
  fleet: string;
  graphFirstLevel: LoadFigures;
  walkFirstLevel: LoadFigures;
  graphFullTree: LoadFigures;
  walkFullTree: LoadFigures;
  /** Most pages (beyond the first) one first-level query needs: each adds a round trip. */
  firstLevelExtraPages: number;
}

const graphPageRows = 1000;
/** Graph's quota window (15 queries per 5 s): each load through Graph starts after the last one's window, as refreshes a few seconds apart do. */
const graphQuotaWindowMs = 5000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `settle` runs what follows the load (Go to Connection… reading its list); requests, round trips and CPU count it. */
async function measureLoads<T>(emulator: EmulatorProcess, repetitions: number, load: () => Promise<T>, check: (result: T) => void, settle?: (result: T) => Promise<unknown>, beforeEach?: () => Promise<unknown>): Promise<LoadFigures> {
  const figures: LoadFigures[] = [];
  for (let i = 0; i < repetitions; i++) {
    await beforeEach?.();
    await emulator.control.reset();
    const cpu = process.cpuUsage();
    const emulatorCpu = emulator.cpuMs();
    const started = performance.now();
    const { ms, result } = await timed(load);
    check(result);
    await settle?.(result);
    const settledMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const emulatorCpuMs = emulator.cpuMs() - emulatorCpu;
    const log = armRequests(await emulator.control.requests());
    figures.push({ ms, requests: log.length, roundTrips: roundTripsOf(log), cpuMs: (used.user + used.system) / 1000, emulatorCpuMs, searchReadyMs: settle ? settledMs : undefined });
  }
  const of = (pick: (f: LoadFigures) => number) => median(figures.map(pick));
  const searchReadyMs = settle ? of((f) => f.searchReadyMs ?? 0) : undefined;
  return { ms: of((f) => f.ms), requests: of((f) => f.requests), roundTrips: of((f) => f.roundTrips), cpuMs: of((f) => f.cpuMs), emulatorCpuMs: of((f) => f.emulatorCpuMs), searchReadyMs };
}

export async function compareDiscovery(emulator: EmulatorProcess, fleet: string, repetitions: number): Promise<FleetComparison> {
  const shape = fleetShape(fleet);
  const holding = subscriptionsWithGateways(shape);
  const api: AzureVpnApi = await benchApi(emulator.info);
  // Sign-in and open connections first: the loads measured are the ones after it, as a refresh.
  await (await loadFullTreeThroughGraph(api)).readForSearch();
  await loadFullTree(api);
  const firstLevelShows = (expected: number) => (shown: Subscription[]) => {
    if (shown.length !== expected) throw new Error(`the first level of ${fleet} shows ${shown.length} subscriptions, not ${expected}`);
  };
  const afterGraphQuotaWindow = () => pause(graphQuotaWindowMs);
  const complete = (through: 'every subscription' | 'with gateways') => (tree: LoadedTree) => checkComplete(tree, shape, through);
  return {
    fleet,
    graphFirstLevel: await measureLoads(emulator, repetitions, () => graphFirstLevel(api), firstLevelShows(holding), undefined, afterGraphQuotaWindow),
    walkFirstLevel: await measureLoads(emulator, repetitions, () => walkFirstLevel(api), firstLevelShows(holding)),
    graphFullTree: await measureLoads(emulator, repetitions, () => loadFullTreeThroughGraph(api), (load) => complete('with gateways')(load.tree), (load) => load.readForSearch(), afterGraphQuotaWindow),
    walkFullTree: await measureLoads(emulator, repetitions, () => loadFullTree(api), complete('every subscription')),
    firstLevelExtraPages: Math.ceil(Math.max(shape.subscriptions, holding * shape.groups * shape.gateways) / graphPageRows) - 1,
  };
}
