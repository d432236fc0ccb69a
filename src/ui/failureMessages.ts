// One clear message per kind of Azure failure, and what the user can do about it.
// No vscode import: unit-tested in plain Node.
import { AzureError, StoppedWaitingError, type AzureErrorKind } from '../azure/errors';

export type FailureAction = 'Retry when it finishes' | 'Refresh' | 'Sign in' | 'Retry';

export interface FailureMessage {
  message: string;
  actions: FailureAction[];
}

const actionsByKind: Record<AzureErrorKind, FailureAction[]> = {
  notSignedIn: ['Sign in'],
  forbidden: [],
  noSharedKey: [],
  throttled: ['Retry'],
  notFound: ['Refresh'],
  conflict: ['Retry when it finishes'],
  badRequest: [],
  operationFailed: ['Retry'],
  unavailable: ['Retry'],
  unknown: ['Retry'],
};

/** `what` completes "Could not …", e.g. "reset the shared key of 'vpn-1'". */
export function describeFailure(what: string, error: unknown, retry: 'none' | 'whenSensible' | 'always'): FailureMessage {
  let actions: FailureAction[] = error instanceof AzureError ? actionsByKind[error.kind] : ['Retry'];
  if (retry === 'none') {
    actions = actions.filter((action) => !isRetry(action));
  } else if (retry === 'always' && !actions.some(isRetry)) {
    actions = [...actions, 'Retry'];
  }
  return { message: `Could not ${what}. ${reasonOf(error)}`, actions };
}

function isRetry(action: FailureAction): boolean {
  return action === 'Retry' || action === 'Retry when it finishes';
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /[.!?)]$/.test(message) ? message : `${message}.`;
}

/** Stopping the wait is not a failure: say what Azure may still be doing. */
export function describeStoppedWaiting(what: string): string {
  return `Stopped waiting. Azure may still finish ${what}; refresh to see where it is.`;
}

export function isStoppedWaiting(error: unknown): error is StoppedWaitingError {
  return error instanceof StoppedWaitingError;
}
