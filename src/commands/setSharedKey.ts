// Set Shared Key: a key the user types or generates, confirmed, then applied (and held until Azure confirms it).
import type { TreeNode } from '../tree/treeNode';
import { UserCancelledError } from '../ui/cancelled';
import { applySharedKey } from './applySharedKey';
import { askNewSharedKey } from './askSharedKey';
import { checkPairKeysOf } from './checkPairKeys';
import { otherHalfToChange } from './pairChoice';
import { changeBothHalves } from './rotatePair';
import type { Services } from './services';
import { connectionTarget, connectionWithSharedKey } from './targets';
import { withOtherHalf, watchTunnels } from './watchTunnels';

export async function setSharedKey(services: Services, node?: TreeNode): Promise<void> {
  const connection = await connectionTarget(services, node, connectionWithSharedKey, 'Set Shared Key');
  const other = await otherHalfToChange(services, connection, 'Set Shared Key');
  const names = other ? `'${connection.name}' and '${other.name}'` : `'${connection.name}'`;
  const key = await askNewSharedKey(services.input, `Set Shared Key of ${names}`);
  const generated = key.generated ? ` A random ${key.sharedKey.length}-character key was generated; you can copy it once it is set.` : '';
  const tunnel = other ? 'Both halves get the same key; the tunnel drops while they change and comes back once both have it.' : 'The tunnel stays down until the peer device uses the same key.';
  const choice = await services.input.showMessage('warning', `Set a new shared key on ${names}?`, { modal: true, detail: `${tunnel}${generated}` }, 'Set Key');
  if (choice !== 'Set Key') {
    throw new UserCancelledError();
  }
  if (other) {
    await changeBothHalves(services, connection, other, { kind: 'set', sharedKey: key.sharedKey });
  } else {
    await applySharedKey(services, connection, key);
  }
  await watchTunnels(services, withOtherHalf(services, connection, other), { checkKeys: (down) => checkPairKeysOf(services, down) });
}
