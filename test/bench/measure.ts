// Small measuring helpers shared by the scenarios.
import type { RequestLogEntry } from '../emulator/types';

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
