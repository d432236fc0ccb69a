// npm run bench (issue 6): the extension measured against the emulator — the full tree load against
// its physical limit and against the naive script, under ARM-like throttling, at 500 subscriptions,
// activation and size in the real VS Code host, and how soon a key reset is reported. Prints a table
// and, as its last line, one JSON object. Timings decide nothing here: budgets are reported, not asserted.
import { spawn } from 'child_process';
import * as path from 'path';
import type { AzureVpnApi } from '../../src/azure/api';
import type { RuntimeConfig, ThrottleConfig } from '../emulator/types';
import { ensureCertificate } from '../emulator/server';
import { probeActivation } from './activation';
import { startEmulatorProcess, type EmulatorProcess } from './emulatorProcess';
import { dependentRoundTrips, fleetShape } from './fleetShape';
import type { FirstLoadResult, ScaleResult, SdkLoadResult } from './loadProcess';
import { measureLroReaction } from './lroReaction';
import { measureFleet } from './fleetReport';
import { armRequests, inFreshProcess, median, ms, ratio, timed } from './measure';
import { naiveWalk } from './naiveWalk';
import { measurePackage, sdkBundle } from './packageSize';
import { benchApi, checkComplete, loadFullTree } from './treeLoad';

const latencyMs = 50;
/** A second latency, nearer a far-away Azure region, to show what the ratio depends on. */
const slowLatencyMs = 150;
const pageSize = 50;
const treeFleet = '10x30x2x4';
const scaleFleet = '500x3x2x4';
/** ARM's subscription read bucket (250 requests, refilled at 25 a second) as the emulator's fixed window. */
const armLikeThrottle: ThrottleConfig = { readsPerWindow: 250, writesPerWindow: 200, windowMs: 10_000 };
const repetitions = { treeLoad: 7, slowTreeLoad: 5, firstLoad: 5, sdkLoad: 5, naive: 3, throttled: 3, lro: 3, activation: 5 };
const loadProcess = path.join(__dirname, 'loadProcess.js');

type Row = [measure: string, value: string, limit: string, verdict: string];
const rows: Row[] = [];

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function row(...cells: Row): void {
  rows.push(cells);
  say(`  ${cells.filter(Boolean).join(' · ')}`);
}

function verdict(withinBudget: boolean): string {
  return withinBudget ? 'within budget' : 'OVER BUDGET';
}

interface RepeatedLoads {
  loadMs: number;
  requests: number;
  clientCpuMs: number;
  emulatorCpuMs: number;
}

/** Full loads with the same api, one after another, as Refresh does them; medians. `config` holds through the emulator's resets. */
async function repeatLoads(emulator: EmulatorProcess, api: AzureVpnApi, count: number, config: Partial<RuntimeConfig> = {}): Promise<RepeatedLoads> {
  const fleet = fleetShape(treeFleet);
  const times: number[] = [];
  const requests: number[] = [];
  const clientCpu: number[] = [];
  const emulatorCpu: number[] = [];
  for (let i = 0; i < count; i++) {
    await emulator.control.reset();
    await emulator.control.setConfig(config);
    const cpu = process.cpuUsage();
    const emulatorCpuBefore = emulator.cpuMs();
    const { ms: time, result } = await timed(() => loadFullTree(api));
    const used = process.cpuUsage(cpu);
    clientCpu.push((used.user + used.system) / 1000);
    emulatorCpu.push(emulator.cpuMs() - emulatorCpuBefore);
    checkComplete(result, fleet);
    times.push(time);
    requests.push(armRequests(await emulator.control.requests()).length);
  }
  return { loadMs: median(times), requests: median(requests), clientCpuMs: median(clientCpu), emulatorCpuMs: median(emulatorCpu) };
}

async function treeLoad(emulator: EmulatorProcess) {
  const fleet = fleetShape(treeFleet);
  const roundTrips = dependentRoundTrips(fleet, pageSize);
  const criticalPathMs = roundTrips * latencyMs;
  const api = await benchApi(emulator.info);
  // The view's first load (sign-in, sockets) is measured on its own below; these are the loads after it.
  checkComplete(await loadFullTree(api), fleet);
  const loads = await repeatLoads(emulator, api, repetitions.treeLoad);
  const slowLoads = await repeatLoads(emulator, api, repetitions.slowTreeLoad, { latencyMs: slowLatencyMs });
  await emulator.control.reset();
  const firstLoads: number[] = [];
  for (let i = 0; i < repetitions.firstLoad; i++) {
    firstLoads.push((await inFreshProcess<FirstLoadResult>([loadProcess, 'first-load', JSON.stringify(emulator.info), treeFleet])).firstLoadMs);
  }
  const figures = {
    treeLoadMs: loads.loadMs,
    criticalPathMs,
    treeLoadRatio: loads.loadMs / criticalPathMs,
    requests: loads.requests,
    clientCpuMs: loads.clientCpuMs,
    emulatorCpuMs: loads.emulatorCpuMs,
    treeLoadWithinBudget: loads.loadMs <= 1.5 * criticalPathMs,
    slowTreeLoadMs: slowLoads.loadMs,
    slowCriticalPathMs: roundTrips * slowLatencyMs,
    treeFirstLoadMs: median(firstLoads),
  };
  row(
    `Full tree load ${treeFleet} at ${latencyMs} ms`,
    `${ms(loads.loadMs)} ms (${loads.requests} requests; CPU: loader ${ms(loads.clientCpuMs)} ms, emulator ${ms(loads.emulatorCpuMs)} ms)`,
    `critical path ${criticalPathMs} ms (${roundTrips} dependent round trips), ×${ratio(figures.treeLoadRatio)}`,
    verdict(figures.treeLoadWithinBudget),
  );
  row(
    `The same at ${slowLatencyMs} ms`,
    `${ms(slowLoads.loadMs)} ms (CPU: loader ${ms(slowLoads.clientCpuMs)} ms)`,
    `critical path ${figures.slowCriticalPathMs} ms, ×${ratio(slowLoads.loadMs / figures.slowCriticalPathMs)}`,
    '',
  );
  row('First load after VS Code starts (sign-in, TLS handshakes)', `${ms(figures.treeFirstLoadMs)} ms`, `×${ratio(figures.treeFirstLoadMs / criticalPathMs)} the critical path`, '');
  return figures;
}

async function naive(emulator: EmulatorProcess, treeLoadMs: number) {
  const fleet = fleetShape(treeFleet);
  const times: number[] = [];
  let requests = 0;
  for (let i = 0; i < repetitions.naive; i++) {
    await emulator.control.reset();
    const { ms: time, result } = await timed(() => naiveWalk(emulator.info));
    if (result !== fleet.subscriptions * fleet.groups * fleet.gateways * fleet.connections) throw new Error(`the naive walk found ${result} connections`);
    times.push(time);
    requests = armRequests(await emulator.control.requests()).length;
  }
  const naiveMs = median(times);
  const naiveWithinBudget = naiveMs >= 10 * treeLoadMs;
  row('Naive script (plain SDK, one request after another)', `${ms(naiveMs)} ms (${requests} requests)`, `×${ratio(naiveMs / treeLoadMs)} the extension's load`, verdict(naiveWithinBudget));
  return { naiveMs, naiveRequests: requests, naiveWithinBudget };
}

async function throttled(emulator: EmulatorProcess) {
  const fleet = fleetShape(treeFleet);
  const times: number[] = [];
  const throttledAnswers: number[] = [];
  let reads = 0;
  for (let i = 0; i < repetitions.throttled; i++) {
    await emulator.control.reset();
    await emulator.control.setConfig({ throttle: armLikeThrottle });
    const api = await benchApi(emulator.info);
    const { ms: time, result } = await timed(() => loadFullTree(api));
    checkComplete(result, fleet);
    const log = armRequests(await emulator.control.requests());
    times.push(time);
    throttledAnswers.push(log.filter((entry) => entry.status === 429).length);
    reads = log.filter((entry) => entry.status !== 429).length;
  }
  await emulator.control.reset();
  // However fast the client, the last window with room for the last read opens this late.
  const floorMs = (Math.ceil(reads / armLikeThrottle.readsPerWindow) - 1) * armLikeThrottle.windowMs + latencyMs;
  const figures = { throttledMs: median(times), throttledFloorMs: floorMs, throttled429s: median(throttledAnswers) };
  row(
    `Full load under ARM-like limits (${armLikeThrottle.readsPerWindow} reads per ${armLikeThrottle.windowMs / 1000} s)`,
    `${ms(figures.throttledMs)} ms, ${figures.throttled429s} answers 429 for ${reads} reads`,
    `floor ${floorMs} ms, ×${ratio(figures.throttledMs / floorMs)}`,
    '',
  );
  return figures;
}

async function scale() {
  const fleet = fleetShape(scaleFleet);
  const emulator = await startEmulatorProcess({ fleet: scaleFleet, latencyMs, pageSize });
  try {
    const result = await inFreshProcess<ScaleResult>(['--expose-gc', loadProcess, 'scale', JSON.stringify(emulator.info), scaleFleet]);
    const firstLevelLimit = Math.ceil(fleet.subscriptions / pageSize) * latencyMs;
    const fullLimit = dependentRoundTrips(fleet, pageSize) * latencyMs;
    row(`First level, ${fleet.subscriptions} subscriptions`, `${ms(result.firstLevelMs)} ms`, `critical path ${firstLevelLimit} ms (one page after another), ×${ratio(result.firstLevelMs / firstLevelLimit)}`, '');
    row(
      `Full load ${scaleFleet}`,
      `${ms(result.fullLoadMs)} ms (${result.requests} requests); loaded tree ${ms(result.heapMB)} MB heap, peak RSS ${ms(result.peakRssMB)} MB`,
      `critical path ${fullLimit} ms, ×${ratio(result.fullLoadMs / fullLimit)}`,
      '',
    );
    return { scaleFirstLevelMs: result.firstLevelMs, scaleFullLoadMs: result.fullLoadMs, scaleRequests: result.requests, scaleHeapMB: result.heapMB, scalePeakRssMB: result.peakRssMB };
  } finally {
    await emulator.stop();
  }
}

async function packageAndActivation() {
  const size = await measurePackage();
  const sdkLoads: number[] = [];
  for (let i = 0; i < repetitions.sdkLoad; i++) sdkLoads.push((await inFreshProcess<SdkLoadResult>([loadProcess, 'sdk-load', sdkBundle])).sdkLoadMs);
  const reports = await probeActivation(size.vsix, repetitions.activation);
  if (reports.some((report) => report.activeBeforeProbe)) throw new Error('the extension was already active when the probe ran: activation was not measured');
  const activationMs = median(reports.map((report) => report.activationMs));
  const azureBeforeView = reports.some((report) => report.azureBeforeActivation.length + report.azureAfterActivation.length > 0);
  const viewLoadsSdk = reports.every((report) => report.azureAfterView.length > 0);
  const figures = {
    activationMs,
    azureLoadedBeforeView: azureBeforeView,
    viewLoadsSdkMs: median(reports.map((report) => report.viewLoadsSdkMs)),
    sdkLoadMs: median(sdkLoads),
    bundleBytes: size.bundleBytes,
    sdkBundleBytes: size.sdkBundleBytes,
    vsixBytes: size.vsixBytes,
    activationWithinBudget: activationMs <= 50,
    azureLoadedOnFirstUse: !azureBeforeView && viewLoadsSdk,
    vsixWithinBudget: size.vsixBytes <= 2 * 1024 * 1024,
  };
  row('Activation in code-server', `${ms(activationMs)} ms`, '≤ 50 ms', verdict(figures.activationWithinBudget));
  row('Azure loaded before the view opens', azureBeforeView ? 'yes' : 'no', viewLoadsSdk ? 'opening the view loads dist/azure-sdk.js' : 'the view did not load the SDK', verdict(figures.azureLoadedOnFirstUse));
  row('Loading the SDK bundle on first use', `${ms(figures.sdkLoadMs)} ms`, `view open → SDK loaded: ${ms(figures.viewLoadsSdkMs)} ms`, '');
  row('dist/extension.js', `${Math.round(size.bundleBytes / 1024)} KB`, `dist/azure-sdk.js ${Math.round(size.sdkBundleBytes / 1024)} KB, loaded on first use`, '');
  row('.vsix', `${Math.round(size.vsixBytes / 1024)} KB`, '≤ 2 MB', verdict(figures.vsixWithinBudget));
  return { ...figures, vsix: size.vsix };
}

async function lro(emulator: EmulatorProcess) {
  const result = await measureLroReaction(emulator, repetitions.lro);
  const lroWithinBudget = result.lagMs <= result.retryAfterMs + 200 && result.earlyPolls === 0;
  row(
    'Key reset reported after Azure finished it',
    `${ms(result.lagMs)} ms (${result.polls} polls per reset, ${result.earlyPolls} sooner than Retry-After)`,
    `≤ Retry-After ${result.retryAfterMs} ms + 200 ms`,
    verdict(lroWithinBudget),
  );
  return { lroLagMs: result.lagMs, lroRetryAfterMs: result.retryAfterMs, lroPolls: result.polls, lroEarlyPolls: result.earlyPolls, lroWithinBudget };
}

async function measureAll(): Promise<Record<string, unknown>> {
  say('Package and activation');
  const { vsix, ...packaged } = await packageAndActivation();
  say(`Fleet ${treeFleet}, ${latencyMs} ms per request, ${pageSize} items per page`);
  const emulator = await startEmulatorProcess({ fleet: treeFleet, latencyMs, pageSize });
  try {
    const tree = await treeLoad(emulator);
    const naiveFigures = await naive(emulator, tree.treeLoadMs);
    const throttledFigures = await throttled(emulator);
    const lroFigures = await lro(emulator);
    say(`Fleet ${scaleFleet}`);
    const scaleFigures = await scale();
    say('Discovery through Azure Resource Graph beside the Resource Manager walk (issue 12)');
    const fleetFigures = await measureFleet(row, emulator, vsix, scaleFigures.scaleHeapMB);
    return { ...tree, ...naiveFigures, ...throttledFigures, ...scaleFigures, ...packaged, ...lroFigures, ...fleetFigures };
  } finally {
    await emulator.stop();
  }
}

function printTable(): void {
  say('\n| measure | value | limit | budget |\n| --- | --- | --- | --- |');
  for (const cells of rows) say(`| ${cells.join(' | ')} |`);
}

function rounded(figures: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(figures).map(([key, value]) => [key, typeof value === 'number' ? Math.round(value * 100) / 100 : value]));
}

/** Node reads NODE_EXTRA_CA_CERTS only at start: the bench runs again in a process that has it. */
function runAgainWith(ca: string): Promise<number> {
  const child = spawn(process.execPath, process.argv.slice(1), { stdio: 'inherit', env: { ...process.env, NODE_EXTRA_CA_CERTS: ca } });
  return new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

async function main(): Promise<void> {
  const ca = await ensureCertificate();
  if (process.env.NODE_EXTRA_CA_CERTS !== ca) process.exit(await runAgainWith(ca));
  const started = Date.now();
  const figures = await measureAll();
  printTable();
  say(`\nMeasured in ${Math.round((Date.now() - started) / 1000)} s.`);
  say(JSON.stringify(rounded(figures)));
}

main()
  .then(() => process.exit(0))
  .catch((error: Error) => {
    console.error(`\nbench: ${error.stack ?? error.message}`);
    process.exit(1);
  });
