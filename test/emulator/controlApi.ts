// The control API under /_emulator/ (no authentication; a test tool): state, reset, faults,
// runtime configuration, the request log, tokens for a stand-in `az`, one connection's record and
// the simulated on-premises devices.
import { ArmError, methodNotAllowed } from './armErrors';
import type { Backend } from './backend';
import { deviceControl } from './deviceControl';
import { putSubscription } from './subscriptionControl';
import type { Reply } from './http';
import type { PrincipalName, RuntimeConfig } from './types';
import { lookupKey } from './world';

function bad(message: string): ArmError {
  return new ArmError(400, 'InvalidControlRequest', message);
}

function asObject(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw bad('The body must be a JSON object.');
  return body as Record<string, unknown>;
}

const NUMERIC_SETTINGS: Record<string, number> = { latencyMs: 0, lroMs: 0, updatingMs: 0, pageSize: 1, tokenTtlSeconds: 1, graphLagMs: 0, connectDelayMs: 0 };

/** The named whole numbers (each ≥ 1) of an object setting such as `throttle`. */
function positiveWholeNumbers<K extends string>(value: unknown, setting: string, keys: K[]): Record<K, number> {
  const o = asObject(value);
  for (const key of keys) {
    if (!Number.isInteger(o[key]) || (o[key] as number) < 1) throw bad(`${setting}.${key} must be a whole number ≥ 1.`);
  }
  return Object.fromEntries(keys.map((key) => [key, o[key]])) as Record<K, number>;
}

function checkThrottle(value: unknown): RuntimeConfig['throttle'] {
  if (value === null) return null;
  return positiveWholeNumbers(value, 'throttle', ['readsPerWindow', 'writesPerWindow', 'windowMs']);
}

/** Checks a configuration change and merges it; unknown settings are refused. */
export function mergeConfig(current: RuntimeConfig, change: unknown): RuntimeConfig {
  const next = { ...current };
  for (const [key, value] of Object.entries(asObject(change))) {
    if (key === 'throttle') {
      next.throttle = checkThrottle(value);
    } else if (key === 'graphQuota') {
      next.graphQuota = positiveWholeNumbers(value, 'graphQuota', ['queriesPerWindow', 'windowMs']);
    } else if (key in NUMERIC_SETTINGS) {
      if (!Number.isInteger(value) || (value as number) < NUMERIC_SETTINGS[key]) throw bad(`${key} must be a whole number ≥ ${NUMERIC_SETTINGS[key]}.`);
      (next as unknown as Record<string, number>)[key] = value as number;
    } else {
      throw bad(`Unknown setting "${key}". Settings: ${[...Object.keys(NUMERIC_SETTINGS), 'throttle', 'graphQuota'].join(', ')}.`);
    }
  }
  return next;
}

function issueToken(b: Backend, body: unknown, now: number): Reply {
  const request = asObject(body);
  const name = (request.principal ?? 'main') as PrincipalName;
  const principal = b.identity.principals[name];
  if (!principal) throw bad('"principal" must be "main" or "reader".');
  const ttl = request.expiresInSeconds ?? b.config.tokenTtlSeconds;
  if (typeof ttl !== 'number' || !(ttl >= 0)) throw bad('"expiresInSeconds" must be a number ≥ 0.');
  const tenant = request.tenantId === undefined ? b.world.tenants[0] : b.identity.findTenant(String(request.tenantId));
  if (!tenant) throw bad(`Unknown tenant "${request.tenantId}".`);
  return { status: 200, body: b.identity.issue(principal, tenant.tenantId, ttl, now) };
}

function connectionRecord(b: Backend, [sub, group, name]: string[], now: number): Reply {
  b.operations.settle(now);
  const c = b.world.subscription(sub)?.groups.get(lookupKey(group))?.connections.get(lookupKey(name));
  if (!c) throw new ArmError(404, 'NotFound', `No connection ${sub}/${group}/${name}.`);
  const properties = { ...structuredClone(b.tunnels.properties(c, now)), provisioningState: b.provisioningState(c, now) };
  return { status: 200, body: { name: c.name, location: c.location, ...(c.tags ? { tags: c.tags } : {}), properties } };
}

/** Handles /_emulator/... ; `segments` are the decoded segments after "_emulator". */
export function control(b: Backend, method: string, segments: string[], body: unknown, now: number): Reply {
  const [first, ...rest] = segments;
  const on = (allowed: Record<string, () => Reply>): Reply => {
    const handler = allowed[method];
    if (!handler) throw methodNotAllowed(method, Object.keys(allowed));
    return handler();
  };
  switch (rest.length === 0 ? first : `${first}/${rest.join('/')}`) {
    case 'state':
      return on({ GET: () => ({ status: 200, body: b.state(now) }) });
    case 'reset':
      return on({ POST: () => (b.reset(), { status: 200, body: { reset: true } }) });
    case 'faults':
      return on({
        GET: () => ({ status: 200, body: b.faults.list() }),
        POST: () => ({ status: 201, body: b.faults.add(body) }),
        DELETE: () => (b.faults.clear(), { status: 204 }),
      });
    case 'config':
      return on({
        GET: () => ({ status: 200, body: b.config }),
        POST: () => ((b.config = mergeConfig(b.config, body)), { status: 200, body: b.config }),
      });
    case 'requests':
      return on({ GET: () => ({ status: 200, body: b.requests() }) });
    case 'tokens':
      return on({ POST: () => issueToken(b, body, now) });
    case 'tokens/expire':
      return on({ POST: () => ({ status: 200, body: { expired: b.identity.expireAll(now) } }) });
    case 'tokens/revoke':
      return on({ POST: () => ({ status: 200, body: { revoked: b.identity.revokeAll(asObject(body ?? {}).claimsChallenge === false ? 'invalidToken' : 'claimsChallenge') } }) });
    default:
      if (first === 'connections' && rest.length === 3) return on({ GET: () => connectionRecord(b, rest, now) });
      if (first === 'devices' && rest.length === 3) return on(deviceControl(b, rest, body, now));
      if (first === 'subscriptions' && rest.length === 1) return on({ PUT: () => putSubscription(b, rest[0], body) });
      throw new ArmError(404, 'NotFound', `No control route /_emulator/${segments.join('/')}.`);
  }
}
