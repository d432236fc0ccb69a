// The bench rows of issue 12: discovery through Azure Resource Graph beside the Resource Manager
// walk on three fleets (10 × 30 × 2 × 4; 500 subscriptions; 2,000 subscriptions of which 5 % hold
// gateways), the memory of the loaded 500-subscription tree, and Go to Connection… over 10,000
// connections in the real VS Code host — with the issue's budgets.
import * as path from 'path';
import { startEmulatorProcess, type EmulatorProcess } from './emulatorProcess';
import { compareDiscovery, type FleetComparison, type LoadFigures } from './fleetComparison';
import type { ScaleResult } from './loadProcess';
import { inFreshProcess, median, ms, ratio } from './measure';
import { measureSearch, searchFleet } from './searchLatency';

export type Report = (measure: string, value: string, limit: string, verdict: string) => void;

const latencyMs = 50;
const pageSize = 50;
const loadProcess = path.join(__dirname, 'loadProcess.js');
const smallFleet = '10x30x2x4';
const wideFleet = '500x3x2x4';
const sparseFleet = '2000x1x2x4@5%';
const repetitions = { small: 7, wide: 3, sparse: 3 };

function verdict(withinBudget: boolean): string {
  return withinBudget ? 'within budget' : 'OVER BUDGET';
}

function figures(load: LoadFigures): string {
  const search = load.searchReadyMs === undefined ? '' : ` (every connection for search at ${ms(load.searchReadyMs)} ms)`;
  return `${ms(load.ms)} ms${search}, ${load.requests} requests, ${load.roundTrips} dependent round trips, CPU: loader ${ms(load.cpuMs)} ms, emulator ${ms(load.emulatorCpuMs)} ms`;
}

/** The first-level budget: ≤ 2 dependent round trips (+1 per further page of 1,000 rows); ≤ 5 requests for 2,000 subscriptions. */
function firstLevelRow(report: Report, comparison: FleetComparison, maxRequests?: number): boolean {
  const { graphFirstLevel: graph, walkFirstLevel: walk } = comparison;
  const roundTrips = 2 + comparison.firstLevelExtraPages;
  const within = graph.roundTrips <= roundTrips && (maxRequests === undefined || graph.requests <= maxRequests);
  report(
    `First level through Resource Graph, ${comparison.fleet} (only subscriptions with gateways)`,
    `${figures(graph)}; the walk: ${figures(walk)}`,
    `≤ ${roundTrips} round trips${maxRequests === undefined ? '' : `, ≤ ${maxRequests} requests`}`,
    verdict(within),
  );
  return within;
}

function fullTreeRow(report: Report, comparison: FleetComparison, budgeted: boolean): { timeRatio: number; requestRatio: number } {
  const { graphFullTree: graph, walkFullTree: walk } = comparison;
  const timeRatio = graph.ms / walk.ms;
  const requestRatio = graph.requests / walk.requests;
  report(
    `Full tree with live status through Resource Graph, ${comparison.fleet}`,
    `${figures(graph)}; the walk: ${figures(walk)}`,
    `time ×${ratio(timeRatio)}, requests ×${ratio(requestRatio)} the walk's${budgeted ? ' (≤ ×0.6 each)' : ''}`,
    budgeted ? verdict(timeRatio <= 0.6 && requestRatio <= 0.6) : '',
  );
  return { timeRatio, requestRatio };
}

async function onItsOwnEmulator<T>(fleet: string, measure: (emulator: EmulatorProcess) => Promise<T>): Promise<T> {
  const emulator = await startEmulatorProcess({ fleet, latencyMs, pageSize });
  try {
    return await measure(emulator);
  } finally {
    await emulator.stop();
  }
}

/** `smallEmulator` serves the 10 × 30 × 2 × 4 fleet at 50 ms; `walkHeapMB` is the walk's memory on the 500-subscription fleet, measured before. */
export async function measureFleet(report: Report, smallEmulator: EmulatorProcess, vsix: string, walkHeapMB: number): Promise<Record<string, unknown>> {
  const small = await compareDiscovery(smallEmulator, smallFleet, repetitions.small);
  const smallFirstLevel = firstLevelRow(report, small);
  const smallFull = fullTreeRow(report, small, true);

  const { wide, memory } = await onItsOwnEmulator(wideFleet, async (emulator) => ({
    wide: await compareDiscovery(emulator, wideFleet, repetitions.wide),
    memory: await inFreshProcess<ScaleResult>(['--expose-gc', loadProcess, 'scale-graph', JSON.stringify(emulator.info), wideFleet]),
  }));
  const wideFirstLevel = firstLevelRow(report, wide);
  fullTreeRow(report, wide, false);
  const memoryWithinBudget = memory.heapMB <= 40;
  report(`Memory of the loaded ${wideFleet} tree through Resource Graph`, `${ms(memory.heapMB)} MB heap held, peak RSS ${ms(memory.peakRssMB)} MB`, `≤ 40 MB (the walk: ${ms(walkHeapMB)} MB)`, verdict(memoryWithinBudget));

  const sparse = await onItsOwnEmulator(sparseFleet, (emulator) => compareDiscovery(emulator, sparseFleet, repetitions.sparse));
  const sparseFirstLevel = firstLevelRow(report, sparse, 5);
  fullTreeRow(report, sparse, false);

  const search = await measureSearch(vsix);
  const searchMs = Math.max(...search.perKey);
  report(
    `Go to Connection…, ${search.connections} connections (${searchFleet}), in code-server`,
    `keystroke → list updated: median ${ms(median(search.perKey))} ms, slowest ${ms(searchMs)} ms (${search.perKey.length} keys)`,
    '≤ 50 ms',
    verdict(searchMs <= 50),
  );

  return {
    graphFirstLevel: { [smallFleet]: small.graphFirstLevel, [wideFleet]: wide.graphFirstLevel, [sparseFleet]: sparse.graphFirstLevel },
    walkFirstLevel: { [smallFleet]: small.walkFirstLevel, [wideFleet]: wide.walkFirstLevel, [sparseFleet]: sparse.walkFirstLevel },
    graphFullTree: { [smallFleet]: small.graphFullTree, [wideFleet]: wide.graphFullTree, [sparseFleet]: sparse.graphFullTree },
    walkFullTree: { [smallFleet]: small.walkFullTree, [wideFleet]: wide.walkFullTree, [sparseFleet]: sparse.walkFullTree },
    graphFullTreeTimeRatio: smallFull.timeRatio,
    graphFullTreeRequestRatio: smallFull.requestRatio,
    graphHeapMB: memory.heapMB,
    graphPeakRssMB: memory.peakRssMB,
    searchKeyMs: search.perKey,
    graphFirstLevelWithinBudget: smallFirstLevel && wideFirstLevel && sparseFirstLevel,
    graphFullTreeWithinBudget: smallFull.timeRatio <= 0.6 && smallFull.requestRatio <= 0.6,
    graphMemoryWithinBudget: memoryWithinBudget,
    searchWithinBudget: searchMs <= 50,
  };
}
