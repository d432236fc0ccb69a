// Go to Other Half: reveals the other half of a VNet-to-VNet link in the tree, in whichever
// subscription it lives.
import type { Connection } from '../azure/model';
import type { TreeNode } from '../tree/treeNode';
import { answered } from '../ui/cancelled';
import { withReadProgress } from '../ui/progress';
import type { Services } from './services';
import { connectionTarget, vnet2vnetConnection } from './targets';

export async function goToOtherHalf(services: Services, node?: TreeNode): Promise<void> {
  const connection = await connectionTarget(services, node, vnet2vnetConnection, 'Go to Other Half');
  const otherHalf = await withReadProgress(`Looking for the other half of '${connection.name}'…`, () => services.otherHalves.find(connection));
  if (otherHalf.found === 'none') {
    void services.input.showMessage('info', `No other half of '${connection.name}' is visible: ${otherHalf.reason}.`, {});
    return;
  }
  const other =
    otherHalf.found === 'one'
      ? otherHalf.connection
      : answered(
          await services.input.pickOne(
            otherHalf.connections.map((candidate) => ({ label: candidate.name, description: candidate.resourceGroup, value: candidate })),
            { title: 'Go to Other Half', placeHolder: `${otherHalf.connections.length} connections on ${otherHalf.gatewayName} claim to be the other half: pick one` },
          ),
        );
  await reveal(services, other, otherHalf.gatewayName);
}

async function reveal(services: Services, other: Connection, gatewayName: string): Promise<void> {
  const row = other.gateway1Id ? await withReadProgress(`Opening '${other.name}'…`, () => services.tree.findConnection({ id: other.id, gatewayId: other.gateway1Id! })) : undefined;
  if (!row) {
    void services.input.showMessage('info', `'${other.name}' on ${gatewayName} is in a subscription the Connections view does not show (Select Subscriptions…).`, {});
    return;
  }
  await services.view.reveal(row, { select: true, focus: true, expand: false });
}
