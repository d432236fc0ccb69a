// A measurement that needs a fresh process, started by run.ts; prints one JSON line.
//   sdk-load:   loading the Azure SDK bundle (dist/azure-sdk.js) as the extension does on first use.
//   first-load: the first full tree load after VS Code starts — no token yet, no open socket
//               (the SDK is loaded before the clock starts: that is sdk-load).
//   scale:      first level and full load of a large fleet, and the memory the loaded tree takes
//               (run with --expose-gc); scale-graph: the same through Azure Resource Graph.
// node out/test/bench/loadProcess.js sdk-load <dist/azure-sdk.js>
// node out/test/bench/loadProcess.js <first-load|scale|scale-graph> '<emulator info JSON>' <fleet>
import { EmulatorControl } from '../emulator/control';
import type { EmulatorInfo } from '../emulator/types';
import { fleetShape } from './fleetShape';
import { graphFirstLevel, loadFullTreeThroughGraph } from './graphTreeLoad';
import { armRequests, median, timed } from './measure';
import { benchApi, checkComplete, loadFullTree, type LoadedTree } from './treeLoad';

export interface SdkLoadResult {
  sdkLoadMs: number;
}

export interface FirstLoadResult {
  firstLoadMs: number;
}

export interface ScaleResult {
  firstLevelMs: number;
  fullLoadMs: number;
  requests: number;
  /** Heap the loaded tree and the api hold after a garbage collection, in MB. */
  heapMB: number;
  peakRssMB: number;
}

const scaleRepetitions = 3;

/** Requires the bundle and every package in it, as the first call to Azure does. */
function sdkLoad(bundle: string): SdkLoadResult {
  const started = performance.now();
  const sdk = require(bundle) as Record<string, unknown>;
  const packages = Object.keys(sdk).map((name) => sdk[name]);
  if (packages.some((loaded) => !loaded)) throw new Error(`${bundle} has a package that does not load`);
  return { sdkLoadMs: performance.now() - started };
}

async function firstLoad(info: EmulatorInfo, fleet: string): Promise<FirstLoadResult> {
  const api = await benchApi(info);
  const { ms, result } = await timed(() => loadFullTree(api));
  checkComplete(result, fleetShape(fleet));
  return { firstLoadMs: ms };
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  gc();
}

async function scale(info: EmulatorInfo, fleet: string, through: 'resourceManager' | 'resourceGraph'): Promise<ScaleResult> {
  const control = new EmulatorControl(info);
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const api = await benchApi(info);
  const graph = through === 'resourceGraph';
  const firstLevel: number[] = [];
  for (let i = 0; i < scaleRepetitions; i++) firstLevel.push((await timed(() => (graph ? graphFirstLevel(api) : api.listSubscriptions()))).ms);
  const fullLoad: number[] = [];
  let requests = 0;
  let heapMB = 0;
  for (let i = 0; i < scaleRepetitions; i++) {
    await control.reset();
    const { ms, result } = await timed(async () => (graph ? (await loadFullTreeThroughGraph(api)).tree : loadFullTree(api)));
    checkComplete(result, fleetShape(fleet), graph ? 'with gateways' : 'every subscription');
    fullLoad.push(ms);
    requests = armRequests(await control.requests()).length;
    if (i === 0) heapMB = heldHeapMB(result, heapBefore);
  }
  return {
    firstLevelMs: median(firstLevel),
    fullLoadMs: median(fullLoad),
    requests,
    heapMB,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
}

/** Heap in use while `tree` is still held, less what the process used before the api existed. */
function heldHeapMB(tree: LoadedTree, heapBefore: number): number {
  collectGarbage();
  const held = process.memoryUsage().heapUsed - heapBefore;
  // Read after the collection, so the tree cannot be collected while it runs.
  return tree.connections.length > 0 ? held / 1024 / 1024 : 0;
}

async function measure(mode: string, args: string[]): Promise<SdkLoadResult | FirstLoadResult | ScaleResult> {
  if (mode === 'sdk-load') return sdkLoad(args[0]);
  const info = JSON.parse(args[0]) as EmulatorInfo;
  if (mode === 'first-load') return firstLoad(info, args[1]);
  if (mode === 'scale') return scale(info, args[1], 'resourceManager');
  if (mode === 'scale-graph') return scale(info, args[1], 'resourceGraph');
  throw new Error(`unknown measurement "${mode}"`);
}

async function main(): Promise<void> {
  const [mode, ...args] = process.argv.slice(2);
  process.stdout.write(`${JSON.stringify(await measure(mode, args))}\n`);
}

if (require.main === module) {
  main().catch((error: Error) => {
    process.stderr.write(`bench: ${error.stack ?? error.message}\n`);
    process.exit(1);
  });
}
