// Reset Connection…: a modal confirmation (the tunnel drops and re-establishes), then the long-running
// reset through the operation runner; the tree then follows the tunnel as it negotiates again.
import * as l10n from '@vscode/l10n';
import { connectionRef } from '../azure/resourceId';
import type { TreeNode } from '../tree/treeNode';
import { UserCancelledError } from '../ui/cancelled';
import { changePhases, runConnectionOperation } from './connectionOperation';
import { attempt } from './failures';
import type { Services } from './services';
import { withOtherHalf, watchTunnels } from './watchTunnels';
import { connectionTarget, vpnConnection } from './targets';
import { checkPairKeysOf } from './checkPairKeys';

export async function resetConnection(services: Services, node?: TreeNode): Promise<void> {
  const resetButton = l10n.t('Reset Connection');
  const connection = await connectionTarget(services, node, vpnConnection(), resetButton);
  const detail = connection.peerName
    ? l10n.t("The tunnel to '{0}' drops and re-establishes: traffic over it stops until it is Connected again. Its shared key and settings stay as they are.", connection.peerName)
    : l10n.t('The tunnel drops and re-establishes: traffic over it stops until it is Connected again. Its shared key and settings stay as they are.');
  const choice = await services.input.showMessage('warning', l10n.t("Reset the connection '{0}'?", connection.name), { modal: true, detail }, resetButton);
  if (choice !== resetButton) {
    throw new UserCancelledError();
  }
  const failure = {
    what: l10n.t({ message: "reset the connection '{0}'", args: [connection.name], comment: ['Completes "Could not …." in a failure message'] }),
    connection,
    stillRunning: l10n.t({ message: "resetting '{0}'", args: [connection.name], comment: ['Completes "Azure may still finish …" when the user stops waiting'] }),
  };
  await attempt(failure, async () => {
    await runConnectionOperation(services, {
      activity: 'resettingConnection',
      title: l10n.t("Resetting the connection '{0}'", connection.name),
      steps: [
        {
          target: connection,
          phases: changePhases(l10n.t('Asking Azure to reset the tunnel…'), l10n.t('Azure is resetting the tunnel…')),
          perform: (api, options) => api.resetConnection(connectionRef(connection), options),
        },
      ],
      afterwards: async () => {
        // The security associations read before the reset are gone with it.
        services.tree.connectionNodes(connection.id).forEach((shown) => services.tree.refresh(shown.ikeSecurityAssociations));
        await services.tree.reloadConnection(connection.id);
      },
    });
    void services.input.showMessage('info', l10n.t("Reset '{0}': its tunnel negotiates again.", connection.name), {});
  });
  const ipsecReason = connection.peerName
    ? l10n.t({ message: 'check that the on-premises device ({0}) answers and holds the same key.', args: [connection.peerName], comment: ['Ends a warning: "Still not connected after 2 min: <connection> — …"'] })
    : l10n.t({ message: 'check that the on-premises device answers and holds the same key.', comment: ['Ends a warning: "Still not connected after 2 min: <connection> — …"'] });
  await watchTunnels(services, withOtherHalf(services, connection, undefined), { checkKeys: (down) => checkPairKeysOf(services, down), ipsecReason });
}
