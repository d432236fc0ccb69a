// View Shared Key: fetched on demand and shown masked, with Reveal and Copy; never written anywhere.
import type { Connection } from '../azure/model';
import type { TreeNode } from '../tree/treeNode';
import { readSharedKey } from './readSharedKey';
import type { Services } from './services';
import { copySharedKeyToClipboard } from './sharedKeyClipboard';
import { connectionTarget } from './targets';

export async function viewSharedKey(services: Services, node?: TreeNode): Promise<void> {
  const connection = await connectionTarget(services, node, { withSharedKey: true, title: 'View Shared Key' });
  await viewKeyOf(services, connection);
}

async function viewKeyOf(services: Services, connection: Connection): Promise<void> {
  const sharedKey = await readSharedKey(services, connection, 'viewed shared key', () => viewKeyOf(services, connection));
  if (sharedKey === undefined) {
    return;
  }
  await services.input.showSharedKey({
    title: `Shared key of '${connection.name}'`,
    sharedKey,
    copy: () => copySharedKeyToClipboard(services, connection, sharedKey),
  });
}
