// The one place commands are registered: every registration is disposed with the extension, and
// every failure is shown through one path (failures.ts), once, without a stack.
import * as vscode from 'vscode';
import type { TreeNode } from '../tree/treeNode';
import { checkPairKeys } from './checkPairKeys';
import { copySharedKey } from './copySharedKey';
import { createConnection } from './createConnection';
import { deleteConnection } from './deleteConnection';
import { downloadDeviceConfiguration } from './downloadDeviceConfiguration';
import { editConnection } from './editConnection';
import { runWithFailurePath } from './failures';
import { goToOtherHalf } from './goToOtherHalf';
import { goToConnection } from './goToConnection';
import { recoverSharedKey } from './heldSharedKey';
import { refresh } from './refresh';
import { resetConnection } from './resetConnection';
import { resetSharedKey } from './resetSharedKey';
import { copyResourceId, openInPortal } from './resourceLinks';
import { selectSubscriptions } from './selectSubscriptions';
import { showAllConnections, showOnlyProblems } from './problemsOnly';
import { commandIds, type CommandId } from './commandIds';
import type { Services } from './services';
import { setSharedKey } from './setSharedKey';
import { showConnectionDetails } from './showConnectionDetails';
import { showAdvertisedRoutes, showLearnedRoutes } from './showRoutes';
import { chooseSignInMethod, signIn } from './signIn';
import { viewSharedKey } from './viewSharedKey';

type Handler = (services: Services, node?: TreeNode) => Promise<void>;

/** Command id → what it does, in words that complete "Could not …" when it fails (in the user's language: read once activated). */
const commands = (): Record<CommandId, [Handler, string]> => ({
  'azureVpn.refresh': [refresh, vscode.l10n.t({ message: 'refresh', comment: ['Completes "Could not …." in a failure message'] })],
  'azureVpn.selectSubscriptions': [selectSubscriptions, vscode.l10n.t({ message: 'select subscriptions', comment: ['Completes "Could not …." in a failure message'] })],
  'azureVpn.signIn': [signIn, vscode.l10n.t({ message: 'sign in', comment: ['Completes "Could not …." in a failure message'] })],
  'azureVpn.chooseSignInMethod': [chooseSignInMethod, vscode.l10n.t({ message: 'change the sign-in method', comment: ['Completes "Could not …." in a failure message'] })],
  'azureVpn.viewSharedKey': [viewSharedKey, vscode.l10n.t({ message: 'view the shared key', comment: ['Completes "Could not …." in a failure message'] })],
  'azureVpn.copySharedKey': [copySharedKey, vscode.l10n.t({ message: 'copy the shared key', comment: ['Completes "Could not …." in a failure message'] })],
  'azureVpn.setSharedKey': [setSharedKey, vscode.l10n.t({ message: 'set the shared key', comment: ['Completes "Could not …." in a failure message'] })],
  'azureVpn.resetSharedKey': [resetSharedKey, vscode.l10n.t({ message: 'reset the shared key', comment: ['Completes "Could not …." in a failure message'] })],
  'azureVpn.recoverSharedKey': [recoverSharedKey, vscode.l10n.t({ message: 'recover the unsaved shared key', comment: ['Completes "Could not …." in a failure message'] })],
  'azureVpn.checkPairKeys': [checkPairKeys, vscode.l10n.t({ message: 'check the shared keys of the pair', comment: ['Completes "Could not …." in a failure message'] })],
  'azureVpn.goToOtherHalf': [goToOtherHalf, vscode.l10n.t({ message: 'go to the other half', comment: ['Completes "Could not …." in a failure message'] })],
  'azureVpn.showConnectionDetails': [showConnectionDetails, vscode.l10n.t({ message: 'show the connection details', comment: ['Completes "Could not …." in a failure message'] })],
  'azureVpn.deleteConnection': [deleteConnection, vscode.l10n.t({ message: 'delete the connection', comment: ['Completes "Could not …." in a failure message'] })],
  'azureVpn.createConnection': [createConnection, vscode.l10n.t({ message: 'create the connection', comment: ['Completes "Could not …." in a failure message'] })],
  'azureVpn.copyResourceId': [copyResourceId, vscode.l10n.t({ message: 'copy the resource ID', comment: ['Completes "Could not …." in a failure message'] })],
  'azureVpn.openInPortal': [openInPortal, vscode.l10n.t({ message: 'open the portal', comment: ['Completes "Could not …." in a failure message'] })],
  'azureVpn.resetConnection': [resetConnection, vscode.l10n.t({ message: 'reset the connection', comment: ['Completes "Could not …." in a failure message'] })],
  'azureVpn.editConnection': [editConnection, vscode.l10n.t({ message: 'edit the connection', comment: ['Completes "Could not …." in a failure message'] })],
  'azureVpn.downloadDeviceConfiguration': [downloadDeviceConfiguration, vscode.l10n.t({ message: 'download the device configuration', comment: ['Completes "Could not …." in a failure message'] })],
  'azureVpn.showLearnedRoutes': [showLearnedRoutes, vscode.l10n.t({ message: 'show the learned routes', comment: ['Completes "Could not …." in a failure message'] })],
  'azureVpn.showAdvertisedRoutes': [showAdvertisedRoutes, vscode.l10n.t({ message: 'show the advertised routes', comment: ['Completes "Could not …." in a failure message'] })],
  'azureVpn.goToConnection': [goToConnection, vscode.l10n.t({ message: 'go to the connection', comment: ['Completes "Could not …." in a failure message'] })],
  'azureVpn.showOnlyProblems': [showOnlyProblems, vscode.l10n.t({ message: 'show only the connections with problems', comment: ['Completes "Could not …." in a failure message'] })],
  'azureVpn.showAllConnections': [showAllConnections, vscode.l10n.t({ message: 'show every connection', comment: ['Completes "Could not …." in a failure message'] })],
});

export function registerCommands(context: vscode.ExtensionContext, services: Services): void {
  const handlers = commands();
  for (const id of commandIds) {
    const [handler, what] = handlers[id];
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (node?: unknown) => {
        await runWithFailurePath(services, what, () => handler(services, isTreeNode(node) ? node : undefined));
      }),
    );
  }
}

function isTreeNode(value: unknown): value is TreeNode {
  return !!value && typeof value === 'object' && typeof (value as TreeNode).getTreeItem === 'function';
}
