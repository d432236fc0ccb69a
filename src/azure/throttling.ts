// Azure's throttling: the SDK's retry policy already waits for Retry-After on 429/503. When Azure
// asks for a wait longer than a person should stare at a progress bar, give up at once and say so.
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { AzureError } from './errors';

function retryAfterSeconds(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, (date - Date.now()) / 1000) : undefined;
}

export function longThrottlingPolicy(maxWaitSeconds: number): PipelinePolicy {
  return {
    name: 'azureVpnLongThrottling',
    async sendRequest(request, next) {
      const response = await next(request);
      const wait = response.status === 429 ? retryAfterSeconds(response.headers.get('retry-after')) : undefined;
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
