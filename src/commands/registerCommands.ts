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

/** Command id → what it does, in words that complete "Could not …" when it fails. */
const commands: Record<CommandId, [Handler, string]> = {
  'azureVpn.refresh': [refresh, 'refresh'],
  'azureVpn.selectSubscriptions': [selectSubscriptions, 'select subscriptions'],
  'azureVpn.signIn': [signIn, 'sign in'],
  'azureVpn.chooseSignInMethod': [chooseSignInMethod, 'change the sign-in method'],
  'azureVpn.viewSharedKey': [viewSharedKey, 'view the shared key'],
  'azureVpn.copySharedKey': [copySharedKey, 'copy the shared key'],
  'azureVpn.setSharedKey': [setSharedKey, 'set the shared key'],
  'azureVpn.resetSharedKey': [resetSharedKey, 'reset the shared key'],
  'azureVpn.recoverSharedKey': [recoverSharedKey, 'recover the unsaved shared key'],
  'azureVpn.checkPairKeys': [checkPairKeys, 'check the shared keys of the pair'],
  'azureVpn.goToOtherHalf': [goToOtherHalf, 'go to the other half'],
  'azureVpn.showConnectionDetails': [showConnectionDetails, 'show the connection details'],
  'azureVpn.deleteConnection': [deleteConnection, 'delete the connection'],
  'azureVpn.createConnection': [createConnection, 'create the connection'],
  'azureVpn.copyResourceId': [copyResourceId, 'copy the resource ID'],
  'azureVpn.openInPortal': [openInPortal, 'open the portal'],
  'azureVpn.resetConnection': [resetConnection, 'reset the connection'],
  'azureVpn.editConnection': [editConnection, 'edit the connection'],
  'azureVpn.downloadDeviceConfiguration': [downloadDeviceConfiguration, 'download the device configuration'],
  'azureVpn.showLearnedRoutes': [showLearnedRoutes, 'show the learned routes'],
  'azureVpn.showAdvertisedRoutes': [showAdvertisedRoutes, 'show the advertised routes'],
  'azureVpn.goToConnection': [goToConnection, 'go to the connection'],
  'azureVpn.showOnlyProblems': [showOnlyProblems, 'show only the connections with problems'],
  'azureVpn.showAllConnections': [showAllConnections, 'show every connection'],
};

export function registerCommands(context: vscode.ExtensionContext, services: Services): void {
  for (const id of commandIds) {
    const [handler, what] = commands[id];
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
