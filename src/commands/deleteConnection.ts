// Delete Connection: a modal confirmation naming the connection, progress, and the node goes away.
import { connectionRef } from '../azure/resourceId';
import type { TreeNode } from '../tree/treeNode';
import { UserCancelledError } from '../ui/cancelled';
import { runConnectionOperation } from './connectionOperation';
import { attempt } from './failures';
import type { Services } from './services';
import { anyConnection, connectionTarget } from './targets';

export async function deleteConnection(services: Services, node?: TreeNode): Promise<void> {
  const connection = await connectionTarget(services, node, anyConnection, 'Delete Connection');
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
  const failure = { what: `delete the connection '${connection.name}'`, connection, stillRunning: `deleting the connection '${connection.name}'` };
  await attempt(failure, async () => {
    await runConnectionOperation(services, {
      activity: 'Deleting…',
      title: `Deleting the connection '${connection.name}'`,
      steps: [
        {
          target: connection,
          phases: { starting: 'Deleting…', applying: 'Azure is removing the connection…', waitingForConnection: 'Waiting for Azure to finish…' },
          perform: (api, options) => api.deleteConnection(connectionRef(connection), options),
        },
      ],
    });
    await services.heldKeys.release(connection.id);
    void services.input.showMessage('info', `Deleted the connection '${connection.name}'.`, {});
  });
}
