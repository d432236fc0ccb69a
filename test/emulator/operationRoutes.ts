// Polling a long-running operation: the operation-status resource behind Azure-AsyncOperation, and
// the operation result behind Location (202 while running, then the operation's final answer).
import { ArmError } from './armErrors';
import { findSubscription, type ArmHandler } from './arm';
import { Operations, retryAfterSeconds } from './operations';

export const operationStatus: ArmHandler = (req, b) => {
  const sub = findSubscription(req, b);
  const op = b.operations.find(sub.subscriptionId, req.params.id);
  const headers: Record<string, string> = op.status === 'InProgress' ? { 'Retry-After': String(retryAfterSeconds(op, req.now)) } : {};
  return { status: 200, headers, body: Operations.statusBody(op) };
};

export const operationResult: ArmHandler = (req, b) => {
  const sub = findSubscription(req, b);
  const op = b.operations.find(sub.subscriptionId, req.params.id);
  if (op.status === 'InProgress') {
    const self = `${b.baseUrl}${req.rawPath}?${req.query.toString()}`;
    return { status: 202, headers: { Location: self, 'Retry-After': String(retryAfterSeconds(op, req.now)) } };
  }
  if (op.status === 'Failed') {
    const error = op.spec.error ?? { code: 'InternalServerError', message: 'The operation failed.' };
    throw new ArmError(500, error.code, error.message);
  }
  return op.spec.result;
};
