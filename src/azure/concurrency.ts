// Bounds how many requests are in flight to Azure at once, whatever the tree or a command asks for.
import type { PipelinePolicy } from '@azure/core-rest-pipeline';

export class Limiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly maxConcurrent: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.maxConcurrent) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/** A pipeline policy (per retry: a request waiting for Retry-After holds no slot) that runs sends through a Limiter. */
export function limiterPolicy(limiter: Limiter): PipelinePolicy {
  return {
    name: 'azureVpnConcurrencyLimit',
    sendRequest: (request, next) => limiter.run(() => next(request)),
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
