// Resource Graph's error answers: ARM's envelope with Graph's support line as the message and the
// reason in `details` (InvalidQuery plus the parser's or binder's finding, RateLimiting,
// NoValidSubscriptionsInQueryRequest), as Graph words them.
import { randomUUID } from 'crypto';
import type { Reply } from '../http';
import type { QueryErrorDetail } from './kqlSyntax';

function graphError(status: number, code: string, details: QueryErrorDetail[], headers: Record<string, string> = {}): Reply {
  const message = `Please provide below info when asking for support: timestamp = ${new Date().toISOString()}, correlationId = ${randomUUID()}.`;
  return { status, headers, body: { error: { code, message, details } } };
}

export function invalidQuery(detail: QueryErrorDetail): Reply {
  return graphError(400, 'BadRequest', [
    { code: 'InvalidQuery', message: 'Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix the error before retrying.' },
    detail,
  ]);
}

export function noValidSubscriptions(given: string[]): Reply {
  return graphError(400, 'BadRequest', [
    { code: 'NoValidSubscriptionsInQueryRequest', message: `There must be at least one subscription that is eligible to contain resources. Given: '${given.join(', ')}'.` },
  ]);
}

export function invalidSkipToken(): Reply {
  return graphError(400, 'BadRequest', [
    { code: 'InvalidSkipToken', message: 'The $skipToken is not valid for this query and scope: pass the token with the same query and scopes it was returned for.' },
  ]);
}

export function rateLimited(retryAfterSeconds: number): Reply {
  return graphError(429, 'RateLimiting', [
    { code: 'RateLimiting', message: 'Client application has been throttled and should not attempt to repeat the request until an amount of time has elapsed. Please see https://aka.ms/resourcegraph-throttling for help.' },
  ], { 'Retry-After': String(retryAfterSeconds) });
}
