// Reset Shared Key: Azure generates a new random key of the chosen length; the peer device must follow.
import type { Connection } from '../azure/model';
import { connectionRef } from '../azure/resourceId';
import type { TreeNode } from '../tree/treeNode';
import { answered, UserCancelledError } from '../ui/cancelled';
import { defaultKeyLength, parseKeyLength, validateKeyLength } from '../ui/validation';
import { keyOperationPhases, runConnectionOperation } from './connectionOperation';
import { checkPairKeysOf } from './checkPairKeys';
import { attempt } from './failures';
import { otherHalfToChange } from './pairChoice';
import { readingKeyOf, readSharedKey } from './readSharedKey';
import { changeBothHalves } from './rotatePair';
import type { Services } from './services';
import { copySharedKeyToClipboard } from './sharedKeyClipboard';
import { connectionTarget, connectionWithSharedKey } from './targets';
import { withOtherHalf, watchTunnels } from './watchTunnels';

export async function resetSharedKey(services: Services, node?: TreeNode): Promise<void> {
  const connection = await connectionTarget(services, node, connectionWithSharedKey, 'Reset Shared Key');
  const other = await otherHalfToChange(services, connection, 'Reset Shared Key');
  const names = other ? `'${connection.name}' and '${other.name}'` : `'${connection.name}'`;
  const answer = answered(
    await services.input.askText({
      title: `Reset Shared Key of ${names}`,
      prompt: 'Length of the new key Azure generates: a whole number from 1 to 128.',
      placeHolder: 'Key length',
      value: String(defaultKeyLength),
      validate: validateKeyLength,
    }),
  );
  if (!('value' in answer)) {
    throw new UserCancelledError();
  }
  const keyLength = parseKeyLength(answer.value);
  const peer = connection.peerName ? ` (${connection.peerName})` : '';
  const detail = other
    ? `Azure makes a new random ${keyLength}-character key on '${connection.name}', and the extension sets the same key on '${other.name}'. The tunnel drops while they change and comes back once both have it.`
    : `Azure replaces the key with a new random ${keyLength}-character key. The tunnel stays down until the peer device${peer} is updated with the new key.`;
  const choice = await services.input.showMessage('warning', `Reset the shared key of ${names}?`, { modal: true, detail }, 'Reset Key');
  if (choice !== 'Reset Key') {
    throw new UserCancelledError();
  }
  if (other) {
    await changeBothHalves(services, connection, other, { kind: 'reset', keyLength });
  } else {
    await resetOneHalf(services, connection, keyLength);
  }
  await watchTunnels(services, withOtherHalf(services, connection, other), { checkKeys: (down) => checkPairKeysOf(services, down) });
}

async function resetOneHalf(services: Services, connection: Connection, keyLength: number): Promise<void> {
  const failure = { what: `reset the shared key of '${connection.name}'`, connection, stillRunning: `resetting the key of '${connection.name}'` };
  await attempt(failure, async () => {
    await runConnectionOperation(services, {
      activity: 'Resetting key…',
      title: `Resetting the shared key of '${connection.name}'`,
      steps: [
        {
          target: connection,
          phases: keyOperationPhases('Resetting…'),
          audit: { what: 'reset shared key', connectionId: connection.id, keyLength },
          perform: (api, options) => api.resetSharedKey(connectionRef(connection), keyLength, options),
        },
      ],
    });
    const follow = connection.type === 'IPsec' ? ' Update the peer device with it.' : ' The other half needs the same key.';
    const done = `The shared key of '${connection.name}' was reset to a new ${keyLength}-character key.${follow}`;
    if ((await services.input.showMessage('info', done, {}, 'Copy new key')) === 'Copy new key') {
      await attempt(readingKeyOf(connection), async () =>
        copySharedKeyToClipboard(services, connection, await readSharedKey(services, connection, 'read shared key')),
      );
    }
  });
}
