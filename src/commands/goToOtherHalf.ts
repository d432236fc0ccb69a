// Go to Other Half: reveals the other half of a VNet-to-VNet link in the tree, in whichever
// subscription it lives.
import * as l10n from '@vscode/l10n';
import type { Connection } from '../azure/model';
import type { TreeNode } from '../tree/treeNode';
import { answered } from '../ui/cancelled';
import { withReadProgress } from '../ui/progress';
import type { Services } from './services';
import { connectionTarget, vnet2vnetConnection } from './targets';

export async function goToOtherHalf(services: Services, node?: TreeNode): Promise<void> {
  const title = l10n.t('Go to Other Half');
  const connection = await connectionTarget(services, node, vnet2vnetConnection(), title);
  const otherHalf = await withReadProgress(l10n.t("Looking for the other half of '{0}'…", connection.name), () => services.otherHalves.find(connection));
  if (otherHalf.found === 'none') {
    void services.input.showMessage('info', l10n.t("No other half of '{0}' is visible: {1}.", connection.name, otherHalf.reason), {});
    return;
  }
  const other =
    otherHalf.found === 'one'
      ? otherHalf.connection
      : answered(
          await services.input.pickOne(
            otherHalf.connections.map((candidate) => ({ label: candidate.name, description: candidate.resourceGroup, value: candidate })),
            { title, placeHolder: l10n.t('{0} connections on {1} claim to be the other half: pick one', otherHalf.connections.length, otherHalf.gatewayName) },
          ),
        );
  await reveal(services, other, otherHalf.gatewayName);
}

async function reveal(services: Services, other: Connection, gatewayName: string): Promise<void> {
  const row = other.gateway1Id ? await withReadProgress(l10n.t("Opening '{0}'…", other.name), () => services.tree.findConnection({ id: other.id, gatewayId: other.gateway1Id! })) : undefined;
  if (!row) {
    void services.input.showMessage('info', l10n.t("'{0}' on {1} is in a subscription the Connections view does not show (Select Subscriptions…).", other.name, gatewayName), {});
    return;
  }
  await services.view.reveal(row, { select: true, focus: true, expand: false });
}
