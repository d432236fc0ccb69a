// What every ARM handler shares: the parsed request, finding the subscription and group it names
// (with ARM's 404/401 answers), permission checks, and nextLink paging.
import { ArmError, resourceGroupNotFound, subscriptionNotFound } from './armErrors';
import type { Backend } from './backend';
import type { Reply } from './http';
import { authorizationFailed, type Caller } from './identity';
import { lookupKey, type StoredGroup, type StoredSubscription } from './world';

export interface ArmRequest {
  method: string;
  /** The path as sent (percent-encoded), for nextLink. */
  rawPath: string;
  /** The decoded path. */
  path: string;
  /** Decoded route parameters: sub, group, name, location, id. */
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  caller: Caller;
  now: number;
  apiVersion: string;
}

export type ArmHandler = (req: ArmRequest, backend: Backend) => Reply;

export function findSubscription(req: ArmRequest, backend: Backend): StoredSubscription {
  const sub = backend.world.subscription(req.params.sub);
  if (!sub) throw subscriptionNotFound(req.params.sub);
  if (lookupKey(sub.tenantId) !== lookupKey(req.caller.tenantId)) throw backend.identity.wrongTenant(req.caller, sub.tenantId);
  return sub;
}

export function findGroup(req: ArmRequest, backend: Backend): { sub: StoredSubscription; group: StoredGroup } {
  const sub = findSubscription(req, backend);
  const group = sub.groups.get(lookupKey(req.params.group));
  if (!group) throw resourceGroupNotFound(req.params.group);
  return { sub, group };
}

/** RBAC as the two emulated principals have it: Contributor may do anything; Reader may only read, and not keys. */
export function authorize(caller: Caller, action: string, scope: string): void {
  const readerMay = action.endsWith('/read') && !/sharedkey/i.test(action);
  if (caller.principal.role !== 'Contributor' && !readerMay) throw authorizationFailed(caller, action, scope);
}

function wholeNumber(req: ArmRequest, name: string): number | undefined {
  const text = req.query.get(name);
  if (text === null) return undefined;
  if (!/^\d+$/.test(text)) throw new ArmError(400, 'InvalidQueryParameterValue', `The value '${text}' of query parameter '${name}' is not a valid whole number.`);
  return Number(text);
}

/** One page of `items`, with an absolute nextLink (same query, next $skiptoken) unless it is the last. */
export function page(req: ArmRequest, backend: Backend, items: unknown[]): Reply {
  const top = wholeNumber(req, '$top');
  const all = top === undefined ? items : items.slice(0, top);
  const skip = wholeNumber(req, '$skiptoken') ?? 0;
  const end = skip + backend.config.pageSize;
  const body: { value: unknown[]; nextLink?: string } = { value: all.slice(skip, end) };
  if (end < all.length) {
    const query = new URLSearchParams(req.query);
    query.set('$skiptoken', String(end));
    body.nextLink = `${backend.baseUrl}${req.rawPath}?${query.toString()}`;
  }
  return { status: 200, body };
}
