// Reset Connection…: a modal confirmation (the tunnel drops and re-establishes), then the long-running
// reset through the operation runner; the tree then follows the tunnel as it negotiates again.
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
  const connection = await connectionTarget(services, node, vpnConnection, 'Reset Connection');
  const peer = connection.peerName ? ` to '${connection.peerName}'` : '';
  const choice = await services.input.showMessage(
    'warning',
    `Reset the connection '${connection.name}'?`,
    { modal: true, detail: `The tunnel${peer} drops and re-establishes: traffic over it stops until it is Connected again. Its shared key and settings stay as they are.` },
    'Reset Connection',
  );
  if (choice !== 'Reset Connection') {
    throw new UserCancelledError();
  }
  const failure = { what: `reset the connection '${connection.name}'`, connection, stillRunning: `resetting '${connection.name}'` };
  await attempt(failure, async () => {
    await runConnectionOperation(services, {
      activity: 'Resetting connection…',
      title: `Resetting the connection '${connection.name}'`,
      steps: [
        {
          target: connection,
          phases: changePhases('Asking Azure to reset the tunnel…', 'Azure is resetting the tunnel…'),
          perform: (api, options) => api.resetConnection(connectionRef(connection), options),
        },
      ],
      afterwards: async () => {
        // The security associations read before the reset are gone with it.
        services.tree.connectionNodes(connection.id).forEach((shown) => services.tree.refresh(shown.ikeSecurityAssociations));
        await services.tree.reloadConnection(connection.id);
      },
    });
    void services.input.showMessage('info', `Reset '${connection.name}': its tunnel negotiates again.`, {});
  });
  const device = connection.peerName ? ` (${connection.peerName})` : '';
  await watchTunnels(services, withOtherHalf(services, connection, undefined), {
    checkKeys: (down) => checkPairKeysOf(services, down),
    ipsecReason: `check that the on-premises device${device} answers and holds the same key.`,
  });
}
