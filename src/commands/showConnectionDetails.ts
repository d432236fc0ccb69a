// Show Connection Details: a read-only JSON document of the connection, status first, never the key.
import type { Connection } from '../azure/model';
import { connectionRef } from '../tree/connectionNode';
import type { TreeNode } from '../tree/treeNode';
import { connectionDetailsJson } from '../ui/connectionDetails';
import { withReadProgress } from '../ui/progress';
import { showFailure } from './failures';
import type { Services } from './services';
import { connectionTarget } from './targets';

export async function showConnectionDetails(services: Services, node?: TreeNode): Promise<void> {
  const connection = await connectionTarget(services, node, { withSharedKey: false, title: 'Show Connection Details' });
  await showDetailsOf(services, connection);
}

async function showDetailsOf(services: Services, connection: Connection): Promise<void> {
  let current: Connection;
  try {
    const api = await services.azure.getApi();
    current = await withReadProgress(`Reading '${connection.name}'…`, () => api.getConnection(connectionRef(connection)));
  } catch (error) {
    await showFailure(services, `read the connection '${connection.name}'`, error, { connection, retry: () => showDetailsOf(services, connection) });
    return;
  }
  await services.details.show(current.id, current.name, connectionDetailsJson(current));
}
