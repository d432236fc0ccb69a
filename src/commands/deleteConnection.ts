// Delete Connection: a modal confirmation naming the connection, progress, and the node goes away.
import type { Connection } from '../azure/model';
import { connectionRef } from '../tree/connectionNode';
import type { TreeNode } from '../tree/treeNode';
import { reportUnfinished, runConnectionOperation, type ConnectionOperation } from './connectionOperation';
import { UserCancelledError, type Services } from './services';
import { connectionTarget } from './targets';

export async function deleteConnection(services: Services, node?: TreeNode): Promise<void> {
  const connection = await connectionTarget(services, node, { withSharedKey: false, title: 'Delete Connection' });
  const peer = connection.peerName ? ` to '${connection.peerName}'` : '';
  const choice = await services.input.showMessage(
    'warning',
    `Delete the connection '${connection.name}'?`,
    {
      modal: true,
      detail: `The ${connection.type} tunnel${peer} goes down and the connection is removed from Azure (resource group '${connection.resourceGroup}'). This cannot be undone.`,
    },
    'Delete',
  );
  if (choice !== 'Delete') {
    throw new UserCancelledError();
  }
  await deleteOf(services, connection);
}

async function deleteOf(services: Services, connection: Connection): Promise<void> {
  const operation: ConnectionOperation = {
    connection,
    activity: 'Deleting…',
    title: `Deleting the connection '${connection.name}'`,
    phases: {
      starting: 'Deleting…',
      applying: 'Azure is removing the connection…',
      waitingForConnection: 'Waiting for Azure to finish…',
    },
    stillRunning: 'deleting the connection',
    perform: (api, options) => api.deleteConnection(connectionRef(connection), options),
  };
  const outcome = await runConnectionOperation(services, operation);
  if (outcome.result !== 'succeeded') {
    await reportUnfinished(services, operation, outcome, `delete the connection '${connection.name}'`, () => deleteOf(services, connection));
    return;
  }
  services.tree.refreshGatewaysOf(connection.id);
  await services.heldKeys.release(connection.id);
  void services.input.showMessage('info', `Deleted the connection '${connection.name}'.`, {});
}
