// Refresh: the node's level (an error or message item reloads its parent), a connection is read
// again, and with no node the whole tree.
import { ConnectionNode } from '../tree/connectionNode';
import type { TreeNode } from '../tree/treeNode';
import type { Services } from './services';

export async function refresh(services: Services, node?: TreeNode): Promise<void> {
  if (node instanceof ConnectionNode) {
    await services.tree.reloadConnection(node.connection.id);
    return;
  }
  services.tree.refresh(node);
}
