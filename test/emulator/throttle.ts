// ARM-like request throttling per principal: fixed windows with separate read and write budgets,
// x-ms-ratelimit-remaining-subscription-* headers on every response, 429 + Retry-After when spent.
import { ArmError } from './armErrors';
import type { ThrottleConfig } from './types';

interface Window {
  startedAt: number;
  reads: number;
  writes: number;
}

export interface ThrottleDecision {
  headers: Record<string, string>;
  /** Set when the request is over the budget. */
  error?: ArmError;
}

export class Throttle {
  private windows = new Map<string, Window>();

  reset(): void {
    this.windows.clear();
  }

  check(config: ThrottleConfig, principalKey: string, method: string, subscription: string | undefined, now: number): ThrottleDecision {
    let window = this.windows.get(principalKey);
    if (!window || now - window.startedAt >= config.windowMs) {
      window = { startedAt: now, reads: 0, writes: 0 };
      this.windows.set(principalKey, window);
    }
    const isRead = method === 'GET' || method === 'HEAD';
    const used = isRead ? window.reads : window.writes;
    const limit = isRead ? config.readsPerWindow : config.writesPerWindow;
    const over = used >= limit;
    if (!over) {
      if (isRead) window.reads += 1;
      else window.writes += 1;
    }
    const headers = {
      'x-ms-ratelimit-remaining-subscription-reads': String(Math.max(0, config.readsPerWindow - window.reads)),
      'x-ms-ratelimit-remaining-subscription-writes': String(Math.max(0, config.writesPerWindow - window.writes)),
    };
    if (!over) return { headers };
    const retryAfter = Math.max(1, Math.ceil((window.startedAt + config.windowMs - now) / 1000));
    const kind = isRead ? 'read' : 'write';
    const error = new ArmError(
      429,
      'SubscriptionRequestsThrottled',
      `Number of '${kind}' requests for subscription '${subscription ?? 'n/a'}' actor '${principalKey}' exceeded. Please try again after '${retryAfter}' seconds after additional tokens are available. Refer to https://aka.ms/arm-throttling`,
      { ...headers, 'Retry-After': String(retryAfter) },
    );
    return { headers, error };
  }
}
