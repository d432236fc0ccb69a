// Activation: build the services, show the tree, register the commands. Wiring only.
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { VsCodeTokenSource } from './azure/api';
import { offerHeldKeysOnActivation } from './commands/heldSharedKey';
import { watchProblemBadge } from './commands/problemsOnly';
import { registerCommands } from './commands/registerCommands';
import type { Services } from './commands/services';
import { ConnectionActivities } from './services/connectionActivities';
import { FleetDiscovery } from './services/fleetDiscovery';
import { ConnectionsTreeProvider, type SignInState } from './tree/connectionsTreeProvider';
import type { TreeNode } from './tree/treeNode';
import { AzureSession } from './services/azureSession';
import { KeyClipboard } from './ui/clipboard';
import { DetailsDocuments } from './ui/detailsDocuments';
import { HeldKeys } from './services/heldKeys';
import { OtherHalves } from './services/otherHalves';
import { Shutdown } from './services/shutdown';
import { Log } from './services/log';
import { connectionSettings, readAzureSettings, treeSettings } from './services/settings';
import { authenticationProviderFor } from './services/tokenRequest';
import { vscodeUserInput, type UserInput } from './ui/userInput';
import { VsCodeAccountTokenSource } from './services/vscodeTokenSource';

/** What activate() returns: only integration tests use it. */
export interface AzureVpnExtensionApi {
  /** Scripted answers for every prompt; undefined goes back to real dialogs. */
  setUserInputForTests(input: UserInput | undefined): void;
  /** A stand-in for the VS Code Microsoft account; undefined goes back to the real one. */
  setVsCodeTokenSourceForTests(source: VsCodeTokenSource | undefined): void;
  treeDataProvider: ConnectionsTreeProvider;
  treeView: vscode.TreeView<TreeNode>;
}

export function activate(context: vscode.ExtensionContext): AzureVpnExtensionApi {
  // src/azure (and the other files without a vscode import) translate through @vscode/l10n: give it VS Code's bundle.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const log = new Log(vscode.window.createOutputChannel(vscode.l10n.t({ message: 'Azure VPN', comment: ['The name of the Output channel (the product name)'] }), { log: true }));
  const tokenSource = new VsCodeAccountTokenSource();
  const azure = new AzureSession(log, tokenSource);
  const activities = new ConnectionActivities();
  const heldKeys = new HeldKeys(context.secrets);
  const otherHalves = new OtherHalves(azure, log);
  const shutdown = new Shutdown();
  const fleet = new FleetDiscovery(log);
  const tree = new ConnectionsTreeProvider({ azure, log, heldKeys, activities, otherHalves, fleet });
  const clipboard = new KeyClipboard();
  const details = new DetailsDocuments();
  const treeView = vscode.window.createTreeView('azureVpn.connections', { treeDataProvider: tree, showCollapseAll: true });
  let input: UserInput = vscodeUserInput;
  const services: Services = {
    azure,
    log,
    tree,
    view: treeView,
    fleet,
    activities,
    heldKeys,
    otherHalves,
    shutdown,
    clipboard,
    details,
    get input() {
      return input;
    },
  };

  context.subscriptions.push(
    shutdown,
    treeView,
    fleet,
    watchProblemBadge(services),
    log,
    azure,
    activities,
    heldKeys,
    otherHalves,
    tree,
    clipboard,
    details,
    tree.onDidChangeSignInState(setSignInContext),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (connectionSettings.some((setting) => event.affectsConfiguration(setting))) {
        azure.reset();
        tree.refresh();
      } else if (treeSettings.some((setting) => event.affectsConfiguration(setting))) {
        tree.refresh();
      }
    }),
    vscode.authentication.onDidChangeSessions((event) => {
      const settings = readAzureSettings();
      if (settings.authentication === 'vscode' && event.provider.id === authenticationProviderFor(settings.cloud)) {
        tree.refresh();
      }
    }),
  );
  registerCommands(context, services);
  setSignInContext(tree.signInState);
  void offerHeldKeysOnActivation(services).catch((error) => log.warn(`Could not offer held keys: ${String(error)}`));

  return {
    setUserInputForTests(testInput) {
      input = testInput ?? vscodeUserInput;
    },
    setVsCodeTokenSourceForTests(source) {
      azure.useTokenSourceForTests(source);
      tree.refresh();
    },
    treeDataProvider: tree,
    treeView,
  };
}

function setSignInContext(state: SignInState): void {
  void vscode.commands.executeCommand('setContext', 'azureVpn.signInState', state);
}
