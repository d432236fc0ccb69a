// Long-running operations: the SDK's poller, started and polled at Azure's pace, and the wait until a
// connection is no longer busy (Azure reports a key operation done while the connection is still
// Updating, and a write then gets 409). Aborting either means "stop waiting": Azure carries on.
import type { PipelineResponse } from '@azure/core-rest-pipeline';
import { retryAfterMs } from './concurrency';
import { StoppedWaitingError } from './errors';
import type { OperationOptions } from './model';

/** What every long-running operation is started with. */
export interface LroOptions {
  abortSignal?: AbortSignal;
  updateIntervalInMs: number;
  /** Sees the operation's first response. */
  onResponse: (response: PipelineResponse) => void;
}

/** The part of the SDK's poller this file uses. */
export interface Poller<T> {
  submitted(): Promise<void>;
  pollUntilDone(options?: { abortSignal?: AbortSignal }): Promise<T>;
}

/** Resolves after `ms`, or rejects with StoppedWaitingError as soon as the signal aborts. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new StoppedWaitingError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new StoppedWaitingError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Starts a long-running operation and polls it (at Azure's Retry-After) until it ends or the user stops waiting. */
export async function runOperation<T>(start: (lro: LroOptions) => Poller<T>, options: OperationOptions, pollIntervalMs: number): Promise<T> {
  if (options.abortSignal?.aborted) throw new StoppedWaitingError();
  options.onProgress?.('starting');
  let firstPollAfterMs: number | undefined;
  const poller = start({
    abortSignal: options.abortSignal,
    updateIntervalInMs: pollIntervalMs,
    onResponse: (response) => (firstPollAfterMs = retryAfterMs(response)),
  });
  await poller.submitted();
  options.onProgress?.('applying');
  // The SDK polls right after the first response; Azure asked to wait Retry-After before that.
  if (firstPollAfterMs) await delay(firstPollAfterMs, options.abortSignal);
  return poller.pollUntilDone({ abortSignal: options.abortSignal });
}

/** Provisioning states in which Azure refuses another write on the resource. */
const busy = /^(Updating|Deleting|Creating|Provisioning|Accepted)$/i;

/** Reads the resource until it is no longer busy; resolves to what was read last. */
export async function waitWhileBusy<T extends { provisioningState?: string }>(
  read: (abortSignal?: AbortSignal) => Promise<T>,
  options: OperationOptions,
  pollIntervalMs: number,
): Promise<T> {
  let reported = false;
  for (;;) {
    const current = await read(options.abortSignal);
    if (!busy.test(current.provisioningState ?? '')) return current;
    if (!reported) {
      options.onProgress?.('waitingForConnection');
      reported = true;
    }
    await delay(pollIntervalMs, options.abortSignal);
  }
}
