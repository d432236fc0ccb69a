// Small measuring helpers shared by the scenarios.
import { execFile } from 'child_process';
import { promisify } from 'util';
import type { RequestLogEntry } from '../emulator/types';

/** Runs a measurement in a fresh Node process (loadProcess.ts) and reads the JSON line it prints last. */
export async function inFreshProcess<T>(args: string[]): Promise<T> {
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 16 * 1024 * 1024, timeout: 300_000 });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '') as T;
}

export function median(values: number[]): number {
  if (values.length === 0) throw new Error('no values to take the median of');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

/** Resource Manager requests of the emulator's log, without the token endpoint's. */
export function armRequests(log: RequestLogEntry[]): RequestLogEntry[] {
  return log.filter((entry) => /^\/(subscriptions|tenants|providers)(\/|$)/i.test(entry.path));
}

/** Milliseconds, rounded, for tables and the JSON line. */
export function ms(value: number): number {
  return Math.round(value);
}

/** A ratio with two decimals. */
export function ratio(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The emulator logs an answer when its socket reports it sent, which can come a few ms after the client's next request arrived. */
const answerLoggedLateMs = 10;

/**
 * The longest chain of requests each sent after the one before it was answered: the dependent
 * round trips a load took, as the emulator saw them (its log has when each request came and how
 * long its answer took, latency included; the bench's latency, 50 ms, keeps requests sent together apart).
 */
export function roundTripsOf(log: RequestLogEntry[]): number {
  const requests = log.map((entry) => ({ start: Date.parse(entry.time), end: Date.parse(entry.time) + entry.durationMs - answerLoggedLateMs }));
  const byStart = [...requests].sort((a, b) => a.start - b.start);
  const byEnd = [...requests].sort((a, b) => a.end - b.end);
  const chain = new Map<(typeof requests)[number], number>();
  let ended = 0;
  let longestEnded = 0;
  for (const request of byStart) {
    while (ended < byEnd.length && byEnd[ended].end <= request.start) longestEnded = Math.max(longestEnded, chain.get(byEnd[ended++]) ?? 0);
    chain.set(request, longestEnded + 1);
  }
  return Math.max(0, ...chain.values());
}
