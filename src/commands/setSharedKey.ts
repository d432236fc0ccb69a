// Set Shared Key: a key the user types or generates, confirmed, then applied (and held until Azure confirms it).
import type { TreeNode } from '../tree/treeNode';
import { UserCancelledError } from '../ui/cancelled';
import { applySharedKey } from './applySharedKey';
import { askNewSharedKey } from './askSharedKey';
import type { Services } from './services';
import { connectionTarget, connectionWithSharedKey } from './targets';

export async function setSharedKey(services: Services, node?: TreeNode): Promise<void> {
  const connection = await connectionTarget(services, node, connectionWithSharedKey, 'Set Shared Key');
  const key = await askNewSharedKey(services.input, `Set Shared Key of '${connection.name}'`);
  const generated = key.generated ? ` A random ${key.sharedKey.length}-character key was generated; you can copy it once it is set.` : '';
  const choice = await services.input.showMessage(
    'warning',
    `Set a new shared key on '${connection.name}'?`,
    { modal: true, detail: `The tunnel stays down until the peer device uses the same key.${generated}` },
    'Set Key',
  );
  if (choice !== 'Set Key') {
    throw new UserCancelledError();
  }
  await applySharedKey(services, connection, key);
}
