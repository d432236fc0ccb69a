// Azure's throttling: the SDK's retry policy already waits for Retry-After on 429/503. When Azure
// asks for a wait longer than a person should stare at a progress bar, give up at once and say so.
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { retryAfterMs } from './concurrency';
import { AzureError } from './errors';

export function longThrottlingPolicy(maxWaitSeconds: number): PipelinePolicy {
  return {
    name: 'azureVpnLongThrottling',
    async sendRequest(request, next) {
      const response = await next(request);
      const waitMs = response.status === 429 ? retryAfterMs(response) : undefined;
      const wait = waitMs === undefined ? undefined : waitMs / 1000;
      if (wait !== undefined && wait > maxWaitSeconds) {
        throw new AzureError(
          'throttled',
          `Azure is throttling requests and asks to wait ${Math.ceil(wait)} seconds. Try again in a few minutes.`,
          'TooManyRequests',
          429,
        );
      }
      return response;
    },
  };
}
