// What every command can use; built once in extension.ts.
import type { ConnectionActivities } from '../tree/connectionActivities';
import type { ConnectionsTreeProvider } from '../tree/connectionsTreeProvider';
import type { AzureSession } from '../ui/azureSession';
import type { KeyClipboard } from '../ui/clipboard';
import type { DetailsDocuments } from '../ui/detailsDocuments';
import type { HeldKeys } from '../ui/heldKeys';
import type { Log } from '../ui/log';
import type { UserInput } from '../ui/userInput';

export interface Services {
  azure: AzureSession;
  log: Log;
  tree: ConnectionsTreeProvider;
  activities: ConnectionActivities;
  heldKeys: HeldKeys;
  clipboard: KeyClipboard;
  details: DetailsDocuments;
  /** vscode.window normally; scripted answers in integration tests. */
  readonly input: UserInput;
}

/** The user dismissed a picker or a confirmation: the command ends quietly. */
export class UserCancelledError extends Error {
  constructor() {
    super('Cancelled by the user.');
    this.name = 'UserCancelledError';
  }
}

export function answered<T>(value: T | undefined): T {
  if (value === undefined) {
    throw new UserCancelledError();
  }
  return value;
}
