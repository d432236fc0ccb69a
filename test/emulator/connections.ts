// Connection routes: list by group, get, create or update, update tags, delete, and the shared key
// (get, set, reset). Writes are long-running operations; a write while another operation holds the
// connection, or while it is still Updating after a key change, gets 409 AnotherOperationInProgress.
import { randomInt, randomUUID } from 'crypto';
import { ArmError, missingProperty, resourceNotFound, wrongType } from './armErrors';
import { authorize, findGroup, page, type ArmHandler, type ArmRequest } from './arm';
import type { Backend } from './backend';
import { armId } from './builders';
import type { Reply } from './http';
import { Operations, retryAfterSeconds, type OperationKind } from './operations';
import { checkTunnelSettings } from './ipsecPolicy';
import { asObject, checkKeyLength, checkSharedKey, checkTags, optional } from './requestBody';
import type { TunnelEffect } from './tunnels';
import { connectionView } from './views';
import { lookupKey, newEtag, type StoredConnection, type StoredGroup, type StoredSubscription } from './world';

const KEY_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const CONNECTION_NAME = /^[A-Za-z0-9](?:[\w.-]{0,78}\w)?$/;
const CONNECTION_TYPES = ['IPsec', 'Vnet2Vnet', 'ExpressRoute'];
const READ_ONLY_PROPERTIES = new Set([
  'provisioningState', 'resourceGuid', 'connectionStatus', 'tunnelConnectionStatus', 'ingressBytesTransferred', 'egressBytesTransferred',
]);

export interface Located {
  sub: StoredSubscription;
  group: StoredGroup;
  id: string;
}

export function locate(req: ArmRequest, b: Backend): Located {
  const { sub, group } = findGroup(req, b);
  return { sub, group, id: armId(sub.subscriptionId, group.name, 'connections', req.params.name) };
}

export function findConnection(req: ArmRequest, at: Located): StoredConnection {
  const connection = at.group.connections.get(lookupKey(req.params.name));
  if (!connection) throw resourceNotFound('connections', req.params.name, req.params.group);
  return connection;
}

export function scope(req: ArmRequest): string {
  return `/subscriptions/${req.params.sub}/resourceGroups/${req.params.group}/providers/Microsoft.Network/connections/${req.params.name}`;
}

export function assertNotBusy(c: StoredConnection, now: number): void {
  if (c.operation?.status === 'InProgress' || now < c.updatingUntil) {
    throw new ArmError(
      409,
      'AnotherOperationInProgress',
      `Another operation on this or dependent resource is in progress. To retrieve status of the operation use uri: ${c.lastOperationUrl ?? 'n/a'}.`,
    );
  }
}

/** ExpressRoute and certificate-authenticated connections have no pre-shared key. */
function assertHasSharedKey(c: StoredConnection, id: string, action: 'Get' | 'Set'): void {
  if (c.properties.connectionType === 'ExpressRoute') {
    throw new ArmError(
      400,
      `Cannot${action}SharedKeyForExpressRouteConnectionType`,
      action === 'Set'
        ? `Shared Key cannot be set for Connection ${id} of type ExpressRoute.`
        : `Shared Key is not available for Connection ${id} of type ExpressRoute: ExpressRoute connections do not use a shared key.`,
    );
  }
  if (c.properties.authenticationType === 'Certificate') {
    throw new ArmError(
      400,
      `Cannot${action}SharedKeyForCertificateAuthenticationConnection`,
      `Connection ${id} uses certificate authentication and has no shared key to ${action.toLowerCase()}.`,
    );
  }
}

export interface OperationPlan {
  kind: OperationKind;
  apply(): void;
  rollback?(): void;
  /** Key changes leave the connection Updating for a while after the operation. */
  keepsUpdating?: boolean;
  /** What the change does to the tunnel (default: nothing). */
  tunnel?: TunnelEffect;
  /** Also send a Location header (operations whose final state is read from there). */
  location?: boolean;
  result?: { status: number; body?: unknown };
}

/** Starts the operation on the connection and returns the headers that announce it. */
export function startOperation(req: ArmRequest, b: Backend, at: Located, c: StoredConnection, plan: OperationPlan): Record<string, string> {
  const fault = b.faults.takeOperationFault(req.method, req.path);
  const updatingMs = b.config.updatingMs;
  const op = b.operations.start(
    {
      kind: plan.kind,
      subscriptionId: at.sub.subscriptionId,
      location: c.location,
      durationMs: b.config.lroMs,
      outcome: fault?.lroOutcome,
      error: {
        code: fault?.errorCode ?? 'InternalServerError',
        message: fault?.message ?? 'An error occurred while applying the change to the connection. The connection was not changed.',
      },
      onSucceeded: (endTime) => {
        c.operation = undefined;
        b.tunnels.change(c, endTime, plan.apply, plan.tunnel ?? 'keep');
        c.etag = newEtag();
        c.changedAt = endTime;
        if (plan.keepsUpdating) c.updatingUntil = endTime + updatingMs;
      },
      onFailed: () => {
        c.operation = undefined;
        plan.rollback?.();
      },
      result: plan.result ?? { status: 200 },
    },
    req.now,
  );
  const query = `?api-version=${encodeURIComponent(req.apiVersion)}`;
  const asyncOperation = `${b.baseUrl}${Operations.statusPath(op)}${query}`;
  c.operation = op;
  c.lastOperationUrl = asyncOperation;
  return {
    'Azure-AsyncOperation': asyncOperation,
    ...(plan.location ? { Location: `${b.baseUrl}${Operations.resultPath(op)}${query}` } : {}),
    'Retry-After': String(retryAfterSeconds(op, req.now)),
  };
}

function randomKey(length: number): string {
  let key = '';
  for (let i = 0; i < length; i++) key += KEY_CHARACTERS[randomInt(KEY_CHARACTERS.length)];
  return key;
}

// ---- list and get ----

export const listConnections: ArmHandler = (req, b) => {
  const { sub, group } = findGroup(req, b);
  return page(req, b, [...group.connections.values()].map((c) => connectionView(sub, group, c, b.provisioningState(c, req.now), b.tunnels.properties(c, req.now))));
};

export const getConnection: ArmHandler = (req, b) => {
  const at = locate(req, b);
  const c = findConnection(req, at);
  return { status: 200, body: connectionView(at.sub, at.group, c, b.provisioningState(c, req.now), b.tunnels.properties(c, req.now)) };
};

// ---- create or update ----

function reference(b: Backend, props: Record<string, unknown>, key: string, type: 'virtualNetworkGateways' | 'localNetworkGateways', connectionId: string) {
  const path = `properties.${key}`;
  if (props[key] === undefined) throw missingProperty(path);
  const ref = asObject(props[key], path, 'VirtualNetworkGateway');
  if (typeof ref.id !== 'string') throw ref.id === undefined ? missingProperty(`${path}.id`) : wrongType(`${path}.id`, ref.id, 'String');
  const found = b.world.resolve(ref.id, type);
  if (!found) {
    throw new ArmError(
      400,
      'InvalidResourceReference',
      `Resource ${ref.id} referenced by resource ${connectionId} was not found. Please make sure that the referenced resource exists, and that both resources are in the same region.`,
    );
  }
  return { id: found.id };
}

/** The properties a PUT asks for, checked, merged over what the connection has (read-only ones ignored). */
function desiredProperties(b: Backend, body: Record<string, unknown>, existing: StoredConnection | undefined, id: string) {
  if (body.properties === undefined) throw missingProperty('properties');
  const props = asObject(body.properties, 'properties', 'VirtualNetworkGatewayConnectionPropertiesFormat');
  if (props.connectionType === undefined) throw missingProperty('properties.connectionType');
  optional(props, 'connectionType', 'properties.connectionType', 'string');
  const type = props.connectionType as string;
  if (!CONNECTION_TYPES.includes(type)) {
    throw new ArmError(400, 'InvalidRequestFormat', `Connection type '${type}' is not valid for a connection. Valid types: ${CONNECTION_TYPES.join(', ')}.`);
  }
  for (const [key, kind] of [['connectionProtocol', 'string'], ['routingWeight', 'integer'], ['dpdTimeoutSeconds', 'integer'], ['enableBgp', 'boolean'], ['usePolicyBasedTrafficSelectors', 'boolean']] as const) {
    optional(props, key, `properties.${key}`, kind);
  }
  if (props.connectionProtocol !== undefined && !['IKEv1', 'IKEv2'].includes(props.connectionProtocol as string)) {
    throw new ArmError(400, 'InvalidRequestFormat', `Connection protocol '${props.connectionProtocol}' is not valid. Valid protocols: IKEv1, IKEv2.`);
  }
  const next: Record<string, unknown> = existing
    ? structuredClone(existing.properties)
    : { resourceGuid: randomUUID(), connectionStatus: 'Unknown', ingressBytesTransferred: 0, egressBytesTransferred: 0 };
  for (const [key, value] of Object.entries({ ...props, ...checkTunnelSettings(props) })) {
    if (!READ_ONLY_PROPERTIES.has(key) && !(existing && key === 'sharedKey')) next[key] = structuredClone(value);
  }
  next.virtualNetworkGateway1 = reference(b, props, 'virtualNetworkGateway1', 'virtualNetworkGateways', id);
  if (type === 'IPsec') next.localNetworkGateway2 = reference(b, props, 'localNetworkGateway2', 'localNetworkGateways', id);
  if (type === 'Vnet2Vnet') next.virtualNetworkGateway2 = reference(b, props, 'virtualNetworkGateway2', 'virtualNetworkGateways', id);
  if (type === 'ExpressRoute') {
    if (props.peer === undefined) throw missingProperty('properties.peer');
    if (props.sharedKey !== undefined) {
      throw new ArmError(400, 'CannotSetSharedKeyForExpressRouteConnectionType', `Shared Key cannot be set for Connection ${id} of type ExpressRoute.`);
    }
  } else if (props.sharedKey !== undefined && !existing) {
    next.sharedKey = checkSharedKey(props.sharedKey, 'properties.sharedKey', id); // an update ignores it, as Azure does: only the sharedkey routes change a key
  } else if (next.sharedKey === undefined && next.authenticationType !== 'Certificate') {
    next.sharedKey = randomKey(32); // Azure makes one up when none is given
  }
  if (type !== 'ExpressRoute') next.connectionProtocol ??= 'IKEv2';
  next.provisioningState = 'Succeeded';
  return next;
}

export const putConnection: ArmHandler = (req, b) => {
  const at = locate(req, b);
  if (!CONNECTION_NAME.test(req.params.name)) {
    throw new ArmError(
      400,
      'InvalidResourceName',
      `Resource name ${req.params.name} is invalid. The name can be up to 80 characters long. It must begin with a word character, and it must end with a word character or with '_'. The name may contain word characters or '.', '-', '_'.`,
    );
  }
  authorize(req.caller, 'Microsoft.Network/connections/write', scope(req));
  const existing = at.group.connections.get(lookupKey(req.params.name));
  const body = asObject(req.body, '', 'VirtualNetworkGatewayConnection');
  optional(body, 'location', 'location', 'string');
  const location = (body.location as string | undefined) ?? existing?.location;
  if (!location) throw new ArmError(400, 'LocationRequired', 'The location property is required for this definition.');
  if (existing && lookupKey(location) !== lookupKey(existing.location)) {
    throw new ArmError(
      400,
      'InvalidResourceLocation',
      `The resource '${req.params.name}' already exists in location '${existing.location}' in resource group '${at.group.name}'. A resource with the same name cannot be created in location '${location}'. Please select a new resource name.`,
    );
  }
  const tags = checkTags(body.tags, 'tags');
  const next = desiredProperties(b, body, existing, at.id);
  if (existing) assertNotBusy(existing, req.now);
  const connection: StoredConnection = existing ?? { name: req.params.name, location, properties: next, etag: newEtag(), updatingUntil: 0, createdAt: req.now };
  if (!existing) {
    if (tags) connection.tags = tags;
    at.group.connections.set(lookupKey(connection.name), connection);
  }
  const headers = startOperation(req, b, at, connection, {
    kind: 'createOrUpdate',
    apply: () => {
      connection.properties = next;
      if (tags) connection.tags = tags;
    },
    rollback: () => {
      if (!existing) at.group.connections.delete(lookupKey(connection.name));
    },
  });
  const view = connectionView(at.sub, at.group, connection, 'Updating', { ...next, ...b.tunnels.live(connection, req.now) });
  return { status: existing ? 200 : 201, headers, body: tags ? { ...view, tags } : view };
};

// ---- update tags, delete ----

export const patchConnection: ArmHandler = (req, b) => {
  const at = locate(req, b);
  authorize(req.caller, 'Microsoft.Network/connections/write', scope(req));
  const c = findConnection(req, at);
  const tags = checkTags(asObject(req.body, '', 'TagsObject').tags, 'tags');
  assertNotBusy(c, req.now);
  const headers = startOperation(req, b, at, c, {
    kind: 'updateTags',
    apply: () => {
      if (tags) c.tags = tags;
    },
  });
  return { status: 202, headers };
};

export const deleteConnection: ArmHandler = (req, b) => {
  const at = locate(req, b);
  authorize(req.caller, 'Microsoft.Network/connections/delete', scope(req));
  const c = at.group.connections.get(lookupKey(req.params.name));
  if (!c) return { status: 204 };
  assertNotBusy(c, req.now);
  const headers = startOperation(req, b, at, c, {
    kind: 'delete',
    tunnel: 'remove',
    location: true,
    apply: () => at.group.connections.delete(lookupKey(c.name)),
    result: { status: 204 },
  });
  return { status: 202, headers };
};

// ---- shared key ----

export const getSharedKey: ArmHandler = (req, b) => {
  const at = locate(req, b);
  authorize(req.caller, 'Microsoft.Network/connections/sharedKey/read', scope(req));
  const c = findConnection(req, at);
  assertHasSharedKey(c, at.id, 'Get');
  return { status: 200, body: { id: '', value: c.properties.sharedKey as string } };
};

export const setSharedKey: ArmHandler = (req, b) => {
  const at = locate(req, b);
  authorize(req.caller, 'Microsoft.Network/connections/sharedKey/write', scope(req));
  const c = findConnection(req, at);
  assertHasSharedKey(c, at.id, 'Set');
  const body = asObject(req.body, '', 'ConnectionSharedKey');
  if (body.value === undefined) throw missingProperty('value');
  const value = checkSharedKey(body.value, 'value', at.id);
  assertNotBusy(c, req.now);
  const headers = startOperation(req, b, at, c, {
    kind: 'setSharedKey',
    keepsUpdating: true,
    tunnel: 'restart',
    apply: () => {
      c.properties.sharedKey = value;
    },
  });
  return { status: 201, headers, body: { id: '', value } };
};

export const resetSharedKey: ArmHandler = (req, b): Reply => {
  const at = locate(req, b);
  authorize(req.caller, 'Microsoft.Network/connections/sharedKey/reset/action', scope(req));
  const c = findConnection(req, at);
  assertHasSharedKey(c, at.id, 'Set');
  const keyLength = checkKeyLength(asObject(req.body, '', 'ConnectionResetSharedKey').keyLength);
  assertNotBusy(c, req.now);
  const headers = startOperation(req, b, at, c, {
    kind: 'resetSharedKey',
    keepsUpdating: true,
    tunnel: 'restart',
    location: true,
    apply: () => {
      c.properties.sharedKey = randomKey(keyLength);
    },
    result: { status: 200, body: { keyLength } },
  });
  return { status: 202, headers };
};
