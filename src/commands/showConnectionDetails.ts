// Show Connection Details: a read-only JSON document of the connection, status first, never the key.
import * as l10n from '@vscode/l10n';
import { connectionRef } from '../azure/resourceId';
import type { TreeNode } from '../tree/treeNode';
import { connectionDetailsJson } from '../ui/connectionDetails';
import { withReadProgress } from '../ui/progress';
import { attempt } from './failures';
import type { Services } from './services';
import { anyConnection, connectionTarget } from './targets';

export async function showConnectionDetails(services: Services, node?: TreeNode): Promise<void> {
  const connection = await connectionTarget(services, node, anyConnection(), l10n.t('Show Connection Details'));
  await attempt({ what: l10n.t({ message: "read the connection '{0}'", args: [connection.name], comment: ['Completes "Could not …." in a failure message'] }), connection }, async () => {
    const api = await services.azure.getApi();
    const current = await withReadProgress(l10n.t("Reading '{0}'…", connection.name), () => api.getConnection(connectionRef(connection)));
    const otherHalf = current.type === 'Vnet2Vnet' ? await withReadProgress(l10n.t("Looking for the other half of '{0}'…", current.name), () => services.otherHalves.find(current)) : undefined;
    await services.details.show(current.id, current.name, connectionDetailsJson(current, otherHalf));
  });
}
