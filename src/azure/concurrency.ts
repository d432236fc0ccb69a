// Bounds how many requests are in flight to Azure at once, whatever the tree or a command asks for,
// and keeps them under Azure Resource Manager's throttling limits: ARM says on every response how many
// reads (writes, deletes) are left, and a 429 says how long to wait. Past the bound, requests queue.
import type { PipelinePolicy, PipelineResponse } from '@azure/core-rest-pipeline';

/** ARM counts reads, writes and deletes in separate budgets. */
export type RequestKind = 'reads' | 'writes' | 'deletes';

function requestKind(method: string): RequestKind {
  if (method === 'GET' || method === 'HEAD') return 'reads';
  return method === 'DELETE' ? 'deletes' : 'writes';
}

/** What ARM said about a kind of request: how many are left, and how long to stop after a 429. */
export interface ThrottleReport {
  remaining?: number;
  retryAfterMs?: number;
}

/** Hands what a response said to the limiter, which knows whether that request overlapped others. */
export type Reporter = (report: ThrottleReport) => void;

/** One request in flight. */
type Flight = object;

class KindState {
  inFlight = 0;
  /** The request in flight that no other has overlapped since it started, if there is one. */
  lone: Flight | undefined;
  /** The budget Azure reported; undefined until it says. */
  remaining: number | undefined;
  pausedUntil = 0;
  /** After a pause the budget is unknown: one request at a time until a response tells it. */
  probing = false;
  readonly waiting: Array<(flight: Flight) => void> = [];
}

export class Limiter {
  private active = 0;
  private readonly kinds = new Map<RequestKind, KindState>();
  private timer: NodeJS.Timeout | undefined;

  constructor(readonly maxConcurrent: number) {}

  async run<T>(task: (report: Reporter) => Promise<T>, kind: RequestKind = 'reads'): Promise<T> {
    const state = this.state(kind);
    let flight: Flight;
    if (state.waiting.length > 0 || !this.mayStart(state)) {
      flight = await new Promise<Flight>((resolve) => {
        state.waiting.push(resolve);
        this.startWaiting();
        this.wakeAfterPause();
      });
    } else {
      flight = this.started(state);
    }
    try {
      return await task((report) => this.report(state, state.lone === flight, report));
    } finally {
      this.active--;
      state.inFlight--;
      if (state.lone === flight) state.lone = undefined;
      this.startWaiting();
    }
  }

  private report(state: KindState, alone: boolean, report: ThrottleReport): void {
    if (report.retryAfterMs !== undefined) {
      state.pausedUntil = Math.max(state.pausedUntil, Date.now() + report.retryAfterMs);
      state.probing = true;
      state.remaining = undefined;
      this.wakeAfterPause();
      return;
    }
    // Concurrent answers overtake each other, so the lowest budget counts; a request no other overlapped
    // tells the budget as it is now, refilled or not.
    if (report.remaining !== undefined) {
      state.remaining = alone || state.remaining === undefined ? report.remaining : Math.min(state.remaining, report.remaining);
    }
    state.probing = false;
    this.startWaiting();
  }

  private state(kind: RequestKind): KindState {
    let state = this.kinds.get(kind);
    if (!state) {
      state = new KindState();
      this.kinds.set(kind, state);
    }
    return state;
  }

  /** Room under the bound, no pause, and a request more still fits the budget Azure reported (one always may ask). */
  private mayStart(state: KindState): boolean {
    if (this.active >= this.maxConcurrent || Date.now() < state.pausedUntil) return false;
    if (state.probing) return state.inFlight === 0;
    return state.remaining === undefined || state.inFlight < Math.max(state.remaining, 1);
  }

  private started(state: KindState): Flight {
    const flight: Flight = {};
    state.lone = state.inFlight === 0 ? flight : undefined;
    this.active++;
    state.inFlight++;
    return flight;
  }

  private startWaiting(): void {
    for (const state of this.kinds.values()) {
      while (state.waiting.length > 0 && this.mayStart(state)) {
        const flight = this.started(state);
        state.waiting.shift()?.(flight);
      }
    }
  }

  /** Requests held by a pause start when it ends, without anyone else finishing first. */
  private wakeAfterPause(): void {
    const now = Date.now();
    const ends = [...this.kinds.values()].filter((s) => s.waiting.length > 0 && s.pausedUntil > now).map((s) => s.pausedUntil);
    clearTimeout(this.timer);
    this.timer = undefined;
    if (ends.length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.startWaiting();
      this.wakeAfterPause();
    }, Math.min(...ends) - now);
  }
}

function headerNumber(response: PipelineResponse, name: string): number | undefined {
  const value = response.headers.get(name);
  const number = value === undefined ? NaN : Number(value);
  return Number.isFinite(number) ? number : undefined;
}

/** ARM's Retry-After is whole seconds, or an HTTP date. */
export function retryAfterMs(response: PipelineResponse): number | undefined {
  const seconds = headerNumber(response, 'retry-after');
  if (seconds !== undefined) return seconds * 1000;
  const date = Date.parse(response.headers.get('retry-after') ?? '');
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

/** Subscription-scoped requests report the subscription's budget, tenant-scoped ones (listing subscriptions) the tenant's. */
function throttleReport(response: PipelineResponse, kind: RequestKind): ThrottleReport {
  return {
    remaining:
      headerNumber(response, `x-ms-ratelimit-remaining-subscription-${kind}`) ?? headerNumber(response, `x-ms-ratelimit-remaining-tenant-${kind}`),
    retryAfterMs: response.status === 429 ? retryAfterMs(response) : undefined,
  };
}

/**
 * A pipeline policy (per retry: a request waiting for Retry-After holds no slot) that runs sends through
 * a Limiter and tells it what each response said about the throttling budget.
 */
export function limiterPolicy(limiter: Limiter): PipelinePolicy {
  return {
    name: 'azureVpnConcurrencyLimit',
    sendRequest: (request, next) => {
      const kind = requestKind(request.method);
      return limiter.run(async (report) => {
        const response = await next(request);
        report(throttleReport(response, kind));
        return response;
      }, kind);
    },
  };
}

/** Maps over items with at most `limit` callbacks running at once; keeps the input order. */
export async function mapWithLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  });
  await Promise.all(workers);
  return results;
}
