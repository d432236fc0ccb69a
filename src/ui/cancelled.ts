// How a prompt says the user did not answer. No vscode import: the tree picker and the wizard use
// these in plain-Node tests too.
import * as l10n from '@vscode/l10n';

/** The user dismissed a picker or a confirmation: the command ends quietly. */
export class UserCancelledError extends Error {
  constructor() {
    super(l10n.t('Cancelled by the user.'));
    this.name = 'UserCancelledError';
  }
}

/** The user pressed Back in a wizard step. */
export class GoBackError extends Error {
  constructor() {
    super(l10n.t('Back to the previous step.'));
    this.name = 'GoBackError';
  }
}

/** By name, not class: the scripted input of integration tests throws it from another copy of this module. */
export function isGoBack(error: unknown): boolean {
  return error instanceof Error && error.name === 'GoBackError';
}

export function answered<T>(value: T | undefined): T {
  if (value === undefined) {
    throw new UserCancelledError();
  }
  return value;
}
