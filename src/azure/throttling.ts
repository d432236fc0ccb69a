// Azure's throttling: the SDK's retry policy already waits for Retry-After on 429/503. When Azure
// asks for a wait longer than a person should stare at a progress bar, give up at once and say so.
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import * as l10n from '@vscode/l10n';
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
          l10n.t('Azure is throttling requests and asks to wait {0} seconds. Try again in a few minutes.', Math.ceil(wait)),
          'TooManyRequests',
          429,
        );
      }
      return response;
    },
  };
}
