// One clear message per kind of Azure failure, and what the user can do about it.
// No vscode import: unit-tested in plain Node.
import * as l10n from '@vscode/l10n';
import { AzureError, StoppedWaitingError, type AzureErrorKind } from '../azure/errors';

/** What the user can do about a failure: an id, compared by the failure path; failureActionLabel gives its button's words. */
export type FailureAction = 'retryWhenItFinishes' | 'refresh' | 'signIn' | 'retry';

export interface FailureMessage {
  message: string;
  actions: FailureAction[];
}

const actionsByKind: Record<AzureErrorKind, FailureAction[]> = {
  notSignedIn: ['signIn'],
  forbidden: [],
  noSharedKey: [],
  throttled: ['retry'],
  notFound: ['refresh'],
  conflict: ['retryWhenItFinishes'],
  badRequest: [],
  operationFailed: ['retry'],
  unavailable: ['retry'],
  unknown: ['retry'],
};

/** `what` completes "Could not …", e.g. "reset the shared key of 'vpn-1'". */
export function describeFailure(what: string, error: unknown, retry: 'none' | 'whenSensible' | 'always'): FailureMessage {
  let actions: FailureAction[] = error instanceof AzureError ? actionsByKind[error.kind] : ['retry'];
  if (retry === 'none') {
    actions = actions.filter((action) => !isRetry(action));
  } else if (retry === 'always' && !actions.some(isRetry)) {
    actions = [...actions, 'retry'];
  }
  const message = l10n.t({ message: 'Could not {0}. {1}', args: [what, reasonOf(error)], comment: ['{0} is what was being done, e.g. "reset the shared key of \'vpn-1\'"; {1} is why it failed (a sentence)'] });
  return { message, actions };
}

/** The words of an action's button. */
export function failureActionLabel(action: FailureAction): string {
  switch (action) {
    case 'retryWhenItFinishes':
      return l10n.t('Retry when it finishes');
    case 'refresh':
      return l10n.t('Refresh');
    case 'signIn':
      return l10n.t('Sign in');
    case 'retry':
      return l10n.t('Retry');
  }
}

function isRetry(action: FailureAction): boolean {
  return action === 'retry' || action === 'retryWhenItFinishes';
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /[.!?)]$/.test(message) ? message : `${message}.`;
}

/** Stopping the wait is not a failure: say what Azure may still be doing. */
export function describeStoppedWaiting(what: string): string {
  return l10n.t({ message: 'Stopped waiting. Azure may still finish {0}; refresh to see where it is.', args: [what], comment: ['{0} is what Azure is still doing, e.g. "deleting \'vpn-1\'" or "the operation"'] });
}

export function isStoppedWaiting(error: unknown): error is StoppedWaitingError {
  return error instanceof StoppedWaitingError;
}
