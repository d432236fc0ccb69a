// Copy Shared Key: to the clipboard, cleared after azureVpn.clipboardClearSeconds if still there.
import type { Connection } from '../azure/model';
import type { TreeNode } from '../tree/treeNode';
import { readSharedKey } from './readSharedKey';
import type { Services } from './services';
import { copySharedKeyToClipboard } from './sharedKeyClipboard';
import { connectionTarget } from './targets';

export async function copySharedKey(services: Services, node?: TreeNode): Promise<void> {
  const connection = await connectionTarget(services, node, { withSharedKey: true, title: 'Copy Shared Key' });
  await copyKeyOf(services, connection);
}

async function copyKeyOf(services: Services, connection: Connection): Promise<void> {
  const sharedKey = await readSharedKey(services, connection, 'read shared key', () => copyKeyOf(services, connection));
  if (sharedKey !== undefined) {
    await copySharedKeyToClipboard(services, connection, sharedKey);
  }
}
