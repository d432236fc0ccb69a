// PUT /_emulator/subscriptions/{subscriptionId}: a subscription more, holding nothing yet, in the
// first tenant unless the body names another (until the next reset) — a test tool, to see how a
// client treats subscriptions without gateways beside the default data.
import { ArmError } from './armErrors';
import type { Backend } from './backend';
import type { Reply } from './http';
import { lookupKey } from './world';

function text(body: Record<string, unknown>, key: string, fallback?: string): string {
  const value = body[key] ?? fallback;
  if (typeof value !== 'string' || value === '') throw new ArmError(400, 'InvalidControlRequest', `"${key}" must be a non-empty string.`);
  return value;
}

export function putSubscription(b: Backend, subscriptionId: string, body: unknown): Reply {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ArmError(400, 'InvalidControlRequest', 'The body must be a JSON object.');
  const request = body as Record<string, unknown>;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(subscriptionId)) {
    throw new ArmError(400, 'InvalidControlRequest', `"${subscriptionId}" is not a subscription id (a GUID).`);
  }
  const tenantId = text(request, 'tenantId', b.world.tenants[0].tenantId);
  if (!b.world.tenants.some((tenant) => lookupKey(tenant.tenantId) === lookupKey(tenantId))) throw new ArmError(400, 'InvalidControlRequest', `Unknown tenant "${tenantId}".`);
  const existing = b.world.subscription(subscriptionId);
  const subscription = {
    subscriptionId,
    displayName: text(request, 'displayName'),
    tenantId,
    state: text(request, 'state', 'Enabled'),
    groups: existing?.groups ?? new Map(),
  };
  b.world.subscriptions.set(lookupKey(subscriptionId), subscription);
  return { status: existing ? 200 : 201, body: { subscriptionId, displayName: subscription.displayName, tenantId, state: subscription.state } };
}
