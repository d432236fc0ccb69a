// What every command can use; built once in extension.ts.
import type * as vscode from 'vscode';
import type { ConnectionActivities } from '../services/connectionActivities';
import type { ConnectionsTreeProvider } from '../tree/connectionsTreeProvider';
import type { AzureSession } from '../services/azureSession';
import type { KeyClipboard } from '../ui/clipboard';
import type { DetailsDocuments } from '../ui/detailsDocuments';
import type { FleetDiscovery } from '../services/fleetDiscovery';
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
  /** The Connections view (reveal, badge). */
  view: vscode.TreeView<TreeNode>;
  fleet: FleetDiscovery;
  activities: ConnectionActivities;
  heldKeys: HeldKeys;
  otherHalves: OtherHalves;
  /** Aborts when the extension is deactivated. */
  shutdown: Shutdown;
  clipboard: KeyClipboard;
  details: DetailsDocuments;
  /** vscode.window normally; scripted answers in integration tests. */
  readonly input: UserInput;
}
