// The one place commands are registered: every registration is disposed with the extension, and
// every failure a command does not handle itself is shown here, once, without a stack.
import * as vscode from 'vscode';
import { AzureError } from '../azure/errors';
import type { TreeNode } from '../tree/treeNode';
import { isStoppedWaiting } from '../ui/failureMessages';
import { copySharedKey } from './copySharedKey';
import { createConnection } from './createConnection';
import { deleteConnection } from './deleteConnection';
import { showFailure } from './failures';
import { recoverSharedKey } from './heldSharedKey';
import { refresh } from './refresh';
import { resetSharedKey } from './resetSharedKey';
import { copyResourceId, openInPortal } from './resourceLinks';
import { selectSubscriptions } from './selectSubscriptions';
import { commandIds, type CommandId } from './commandIds';
import { UserCancelledError, type Services } from './services';
import { setSharedKey } from './setSharedKey';
import { showConnectionDetails } from './showConnectionDetails';
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
  'azureVpn.showConnectionDetails': [showConnectionDetails, 'show the connection details'],
  'azureVpn.deleteConnection': [deleteConnection, 'delete the connection'],
  'azureVpn.createConnection': [createConnection, 'create the connection'],
  'azureVpn.copyResourceId': [copyResourceId, 'copy the resource ID'],
  'azureVpn.openInPortal': [openInPortal, 'open the portal'],
};

export function registerCommands(context: vscode.ExtensionContext, services: Services): void {
  for (const id of commandIds) {
    const [handler, what] = commands[id];
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (node?: unknown) => {
        try {
          await handler(services, isTreeNode(node) ? node : undefined);
        } catch (error) {
          await handleUnhandled(services, what, error);
        }
      }),
    );
  }
}

async function handleUnhandled(services: Services, what: string, error: unknown): Promise<void> {
  if (error instanceof UserCancelledError) {
    return;
  }
  if (isStoppedWaiting(error)) {
    void services.input.showMessage('info', error.message, {});
    return;
  }
  // Our own bugs get their stack in the log (never in the message); Azure failures are described by showFailure.
  if (!(error instanceof AzureError) && error instanceof Error && error.stack) {
    services.log.error(`${what}: ${error.stack}`);
  }
  await showFailure(services, what, error);
}

function isTreeNode(value: unknown): value is TreeNode {
  return !!value && typeof value === 'object' && typeof (value as TreeNode).getTreeItem === 'function';
}
