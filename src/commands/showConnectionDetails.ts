// Show Connection Details: a read-only JSON document of the connection, status first, never the key.
import { connectionRef } from '../azure/resourceId';
import type { TreeNode } from '../tree/treeNode';
import { connectionDetailsJson } from '../ui/connectionDetails';
import { withReadProgress } from '../ui/progress';
import { attempt } from './failures';
import type { Services } from './services';
import { anyConnection, connectionTarget } from './targets';

export async function showConnectionDetails(services: Services, node?: TreeNode): Promise<void> {
  const connection = await connectionTarget(services, node, anyConnection, 'Show Connection Details');
  await attempt({ what: `read the connection '${connection.name}'`, connection }, async () => {
    const api = await services.azure.getApi();
    const current = await withReadProgress(`Reading '${connection.name}'…`, () => api.getConnection(connectionRef(connection)));
    const otherHalf = current.type === 'Vnet2Vnet' ? await withReadProgress(`Looking for the other half of '${current.name}'…`, () => services.otherHalves.find(current)) : undefined;
    await services.details.show(current.id, current.name, connectionDetailsJson(current, otherHalf));
  });
}
