// Set Shared Key: a key the user types or generates, confirmed, then applied (and held until Azure confirms it).
import * as l10n from '@vscode/l10n';
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
  const title = l10n.t('Set Shared Key');
  const connection = await connectionTarget(services, node, connectionWithSharedKey(), title);
  const other = await otherHalfToChange(services, connection, title);
  const names = other ? l10n.t({ message: "'{0}' and '{1}'", args: [connection.name, other.name], comment: ['The names of both halves of a VNet-to-VNet link'] }) : `'${connection.name}'`;
  const key = await askNewSharedKey(services.input, l10n.t('Set Shared Key of {0}', names));
  const generated = key.generated ? ` ${l10n.t('A random {0}-character key was generated; you can copy it once it is set.', key.sharedKey.length)}` : '';
  const tunnel = other
    ? l10n.t('Both halves get the same key; the tunnel drops while they change and comes back once both have it.')
    : l10n.t('The tunnel stays down until the peer device uses the same key.');
  const setKey = l10n.t('Set Key');
  const choice = await services.input.showMessage('warning', l10n.t('Set a new shared key on {0}?', names), { modal: true, detail: `${tunnel}${generated}` }, setKey);
  if (choice !== setKey) {
    throw new UserCancelledError();
  }
  if (other) {
    await changeBothHalves(services, connection, other, { kind: 'set', sharedKey: key.sharedKey });
  } else {
    await applySharedKey(services, connection, key);
  }
  await watchTunnels(services, withOtherHalf(services, connection, other), { checkKeys: (down) => checkPairKeysOf(services, down) });
}
