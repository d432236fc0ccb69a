// Resource Graph's own throttling: a quota of queries per user and window, told on every answer
// (x-ms-user-quota-remaining, x-ms-user-quota-resets-after as hh:mm:ss), and 429 with Retry-After
// past it. A query waits for the window to reset when that is soon; otherwise Graph counts as
// throttled at once (no request sent, no retry), and discovery goes through Resource Manager.
import type { PipelinePolicy, PipelineResponse } from '@azure/core-rest-pipeline';
import * as l10n from '@vscode/l10n';
import { retryAfterMs } from './concurrency';
import { AzureError } from './errors';
import { delay } from './longRunning';

/** hh:mm:ss (or a number of seconds) → milliseconds. */
function durationMs(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const parts = text.split(':').map(Number);
  if (parts.some((part) => !Number.isFinite(part))) return undefined;
  return parts.reduce((total, part) => total * 60 + part, 0) * 1000;
}

function throttled(waitMs: number): AzureError {
  return new AzureError('throttled', l10n.t({ message: 'Azure Resource Graph is throttling queries for {0} s.', args: [Math.ceil(waitMs / 1000)], comment: ['{0} is a number of seconds; s is the symbol of seconds'] }), 'RateLimiting', 429);
}

export class GraphQuota {
  /** Queries left in the current window, as last told (less those sent since); undefined: unknown. */
  private remaining: number | undefined;
  private resetsAt = 0;

  constructor(private readonly maxWaitMs: number) {}

  /** Before a query: counts it, or waits for the window to reset, or throws when that is too far away. */
  async take(): Promise<void> {
    for (;;) {
      const now = Date.now();
      if (now >= this.resetsAt) this.remaining = undefined;
      if (this.remaining === undefined || this.remaining > 0) {
        if (this.remaining !== undefined) this.remaining--;
        return;
      }
      const wait = this.resetsAt - now;
      if (wait > this.maxWaitMs) throw throttled(wait);
      await delay(wait);
    }
  }

  /** What an answer said about the quota. */
  observe(response: PipelineResponse): void {
    const now = Date.now();
    if (response.status === 429) {
      this.remaining = 0;
      this.resetsAt = now + (retryAfterMs(response) ?? this.maxWaitMs);
      return;
    }
    const remaining = Number(response.headers.get('x-ms-user-quota-remaining'));
    const resetsAfter = durationMs(response.headers.get('x-ms-user-quota-resets-after'));
    if (!Number.isFinite(remaining) || resetsAfter === undefined) return;
    // Answers to queries sent together overtake each other: the lowest count is the newest.
    this.remaining = this.remaining === undefined ? remaining : Math.min(this.remaining, remaining);
    this.resetsAt = now + resetsAfter;
  }

  /** Every query of a client goes through the quota; a 429 asking for a long wait fails at once. */
  policy(): PipelinePolicy {
    return {
      name: 'azureVpnGraphQuota',
      sendRequest: async (request, next) => {
        await this.take();
        const response = await next(request);
        this.observe(response);
        if (response.status === 429 && this.resetsAt - Date.now() > this.maxWaitMs) throw throttled(this.resetsAt - Date.now());
        return response;
      },
    };
  }
}
