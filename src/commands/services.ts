// What every command can use; built once in extension.ts.
import type { ConnectionActivities } from '../services/connectionActivities';
import type { ConnectionsTreeProvider } from '../tree/connectionsTreeProvider';
import type { AzureSession } from '../services/azureSession';
import type { KeyClipboard } from '../ui/clipboard';
import type { DetailsDocuments } from '../ui/detailsDocuments';
import type { HeldKeys } from '../services/heldKeys';
import type { Log } from '../services/log';
import type { OtherHalves } from '../services/otherHalves';
import type { Shutdown } from '../services/shutdown';
import type { TreeNode } from '../tree/treeNode';
import type { UserInput } from '../ui/userInput';

export interface Services {
  azure: AzureSession;
  log: Log;
  tree: ConnectionsTreeProvider;
  activities: ConnectionActivities;
  heldKeys: HeldKeys;
  otherHalves: OtherHalves;
  /** Aborts when the extension is deactivated. */
  shutdown: Shutdown;
  /** Shows the node in the Connections view, selected. */
  reveal(node: TreeNode): Thenable<void>;
  clipboard: KeyClipboard;
  details: DetailsDocuments;
  /** vscode.window normally; scripted answers in integration tests. */
  readonly input: UserInput;
}
