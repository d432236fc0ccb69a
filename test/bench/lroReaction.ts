// How soon the extension reports a shared key reset after Azure has finished it, and whether it ever
// asked Azure sooner than Azure said to (Retry-After). "Finished" is the moment the emulator's
// connection is Succeeded again: the operation has ended and the Updating time after it is over.
// The requests and answers are read from the SDK's own log lines, which the extension writes to its
// channel at Debug: the api is made with the SDK's log level at info, as with the channel at Debug.
import type { ConnectionRef } from '../../src/azure/model';
import type { EmulatorProcess } from './emulatorProcess';
import { median } from './measure';
import { benchApi } from './treeLoad';

export interface LroResult {
  lagMs: number;
  /** Retry-After of the reset's first answer. */
  retryAfterMs: number;
  /** Requests while waiting (operation polls and connection reads), per reset. */
  polls: number;
  /** Polls sent sooner than the Retry-After of the answer before them, over every reset. */
  earlyPolls: number;
}

interface Exchange {
  url: string;
  sentAt: number;
  answeredAt?: number;
  retryAfterMs?: number;
}

/** The exchanges of the SDK's log lines ("Request: {url…}", "Headers: {…}"), in order. */
class SdkTraffic {
  readonly exchanges: Exchange[] = [];

  readonly log = (_level: string, message: string): void => {
    const request = /\bRequest: (\{[\s\S]*\})\s*$/.exec(message);
    if (request) {
      this.exchanges.push({ url: (JSON.parse(request[1]) as { url: string }).url, sentAt: Date.now() });
      return;
    }
    const headers = /\bHeaders: (\{[\s\S]*\})\s*$/.exec(message);
    const last = this.exchanges[this.exchanges.length - 1];
    if (headers && last && last.answeredAt === undefined) {
      const retryAfter = (JSON.parse(headers[1]) as Record<string, string>)['retry-after'];
      last.answeredAt = Date.now();
      last.retryAfterMs = retryAfter === undefined ? undefined : Number(retryAfter) * 1000;
    }
  };
}

/** Slack for timer granularity when checking a wait against Retry-After. */
const timerSlackMs = 5;
const watchIntervalMs = 10;
const watchLimitMs = 60_000;

function isWaitingRequest(url: string): boolean {
  return /\/operations\/|\/operationResults\/|\/connections\/[^/?]+\?/i.test(url);
}

function earlyPolls(exchanges: Exchange[]): number {
  let early = 0;
  for (let i = 1; i < exchanges.length; i++) {
    const before = exchanges[i - 1];
    const waited = exchanges[i].sentAt - (before.answeredAt ?? before.sentAt);
    if (before.retryAfterMs && waited < before.retryAfterMs - timerSlackMs) early++;
  }
  return early;
}

/** Resolves with the time the emulator's connection went from Updating back to Succeeded. */
async function settledAt(emulator: EmulatorProcess, ref: ConnectionRef): Promise<number> {
  const deadline = Date.now() + watchLimitMs;
  let seenUpdating = false;
  while (Date.now() < deadline) {
    const state = (await emulator.control.connection(ref.subscriptionId, ref.resourceGroup, ref.name)).properties.provisioningState;
    if (state !== 'Succeeded') seenUpdating = true;
    else if (seenUpdating) return Date.now();
    await new Promise((resolve) => setTimeout(resolve, watchIntervalMs));
  }
  throw new Error(`the emulator did not show the connection Updating and then Succeeded within ${watchLimitMs / 1000} s`);
}

async function firstConnection(emulator: EmulatorProcess): Promise<ConnectionRef> {
  const api = await benchApi(emulator.info);
  const [subscription] = await api.listSubscriptions();
  const [group] = await api.listGatewayResourceGroups(subscription.subscriptionId);
  const [gateway] = await api.listGateways(group);
  const [connection] = await api.listConnections(gateway);
  return { subscriptionId: connection.subscriptionId, resourceGroup: connection.resourceGroup, name: connection.name };
}

export async function measureLroReaction(emulator: EmulatorProcess, repetitions: number): Promise<LroResult> {
  const ref = await firstConnection(emulator);
  const lags: number[] = [];
  const retryAfters: number[] = [];
  let polls = 0;
  let early = 0;
  for (let i = 0; i < repetitions; i++) {
    await emulator.control.reset();
    const traffic = new SdkTraffic();
    const api = await benchApi(emulator.info, { log: traffic.log, logLevel: 'info' });
    const settled = settledAt(emulator, ref);
    await api.resetSharedKey(ref, 32);
    const reportedAt = Date.now();
    lags.push(reportedAt - (await settled));
    const exchanges = traffic.exchanges.filter((exchange) => /\/subscriptions\//i.test(exchange.url));
    if (exchanges.length === 0) throw new Error('the SDK logged no request of the reset: nothing to measure the polls by');
    retryAfters.push(exchanges[0]?.retryAfterMs ?? 0);
    polls += exchanges.filter((exchange) => isWaitingRequest(exchange.url)).length;
    early += earlyPolls(exchanges);
  }
  return { lagMs: median(lags), retryAfterMs: median(retryAfters), polls: polls / repetitions, earlyPolls: early };
}
