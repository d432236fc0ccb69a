// Resource Graph's own throttling, per principal: a number of queries per fixed window (Azure's is
// 15 per 5 seconds), told on every answer by x-ms-user-quota-remaining and
// x-ms-user-quota-resets-after (hh:mm:ss); a query over it answers 429 with Retry-After.
import type { GraphQuotaConfig } from '../types';

export interface QuotaDecision {
  headers: Record<string, string>;
  /** Set when the query is over the quota: whole seconds until the window ends. */
  retryAfterSeconds?: number;
}

/** hh:mm:ss of a duration, rounded up to the second. */
export function hhmmss(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

export class GraphQuota {
  private readonly windows = new Map<string, { startedAt: number; used: number }>();

  reset(): void {
    this.windows.clear();
  }

  take(config: GraphQuotaConfig, principal: string, now: number): QuotaDecision {
    let window = this.windows.get(principal);
    if (!window || now - window.startedAt >= config.windowMs) {
      window = { startedAt: now, used: 0 };
      this.windows.set(principal, window);
    }
    const over = window.used >= config.queriesPerWindow;
    if (!over) window.used++;
    const left = window.startedAt + config.windowMs - now;
    const headers = {
      'x-ms-user-quota-remaining': String(config.queriesPerWindow - window.used),
      'x-ms-user-quota-resets-after': hhmmss(left),
    };
    return over ? { headers, retryAfterSeconds: Math.max(1, Math.ceil(left / 1000)) } : { headers };
  }
}
