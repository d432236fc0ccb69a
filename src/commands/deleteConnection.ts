// Delete Connection: a modal confirmation naming the connection, progress, and the node goes away.
import * as l10n from '@vscode/l10n';
import { connectionRef } from '../azure/resourceId';
import type { TreeNode } from '../tree/treeNode';
import { UserCancelledError } from '../ui/cancelled';
import { runConnectionOperation } from './connectionOperation';
import { attempt } from './failures';
import type { Services } from './services';
import { anyConnection, connectionTarget } from './targets';

export async function deleteConnection(services: Services, node?: TreeNode): Promise<void> {
  const connection = await connectionTarget(services, node, anyConnection(), l10n.t('Delete Connection'));
  const detail = connection.peerName
    ? l10n.t("The {0} tunnel to '{1}' goes down and the connection is removed from Azure (resource group '{2}'). This cannot be undone.", connection.type, connection.peerName, connection.resourceGroup)
    : l10n.t("The {0} tunnel goes down and the connection is removed from Azure (resource group '{1}'). This cannot be undone.", connection.type, connection.resourceGroup);
  const deleteButton = l10n.t('Delete');
  const choice = await services.input.showMessage('warning', l10n.t("Delete the connection '{0}'?", connection.name), { modal: true, detail }, deleteButton);
  if (choice !== deleteButton) {
    throw new UserCancelledError();
  }
  const failure = {
    what: l10n.t({ message: "delete the connection '{0}'", args: [connection.name], comment: ['Completes "Could not …." in a failure message'] }),
    connection,
    stillRunning: l10n.t({ message: "deleting the connection '{0}'", args: [connection.name], comment: ['Completes "Azure may still finish …" when the user stops waiting'] }),
  };
  await attempt(failure, async () => {
    await runConnectionOperation(services, {
      activity: 'deleting',
      title: l10n.t("Deleting the connection '{0}'", connection.name),
      steps: [
        {
          target: connection,
          phases: { starting: l10n.t('Deleting…'), applying: l10n.t('Azure is removing the connection…'), waitingForConnection: l10n.t('Waiting for Azure to finish…') },
          perform: (api, options) => api.deleteConnection(connectionRef(connection), options),
        },
      ],
    });
    await services.heldKeys.release(connection.id);
    void services.input.showMessage('info', l10n.t("Deleted the connection '{0}'.", connection.name), {});
  });
}
