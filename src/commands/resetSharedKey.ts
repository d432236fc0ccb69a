// Reset Shared Key: Azure generates a new random key of the chosen length; the peer device must follow.
import { connectionRef } from '../azure/resourceId';
import type { TreeNode } from '../tree/treeNode';
import { answered, UserCancelledError } from '../ui/cancelled';
import { defaultKeyLength, parseKeyLength, validateKeyLength } from '../ui/validation';
import { keyOperationPhases, runConnectionOperation } from './connectionOperation';
import { attempt } from './failures';
import { readingKeyOf, readSharedKey } from './readSharedKey';
import type { Services } from './services';
import { copySharedKeyToClipboard } from './sharedKeyClipboard';
import { connectionTarget, connectionWithSharedKey } from './targets';

export async function resetSharedKey(services: Services, node?: TreeNode): Promise<void> {
  const connection = await connectionTarget(services, node, connectionWithSharedKey, 'Reset Shared Key');
  const answer = answered(
    await services.input.askText({
      title: `Reset Shared Key of '${connection.name}'`,
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
  const choice = await services.input.showMessage(
    'warning',
    `Reset the shared key of '${connection.name}'?`,
    {
      modal: true,
      detail: `Azure replaces the key with a new random ${keyLength}-character key. The tunnel stays down until the peer device${peer} is updated with the new key.`,
    },
    'Reset Key',
  );
  if (choice !== 'Reset Key') {
    throw new UserCancelledError();
  }
  const failure = { what: `reset the shared key of '${connection.name}'`, connection, stillRunning: `resetting the key of '${connection.name}'` };
  await attempt(failure, async () => {
    await runConnectionOperation(services, {
      target: connection,
      activity: 'Resetting key…',
      title: `Resetting the shared key of '${connection.name}'`,
      phases: keyOperationPhases('Resetting…'),
      audit: { what: 'reset shared key', connectionId: connection.id, keyLength },
      perform: (api, options) => api.resetSharedKey(connectionRef(connection), keyLength, options),
    });
    const done = `The shared key of '${connection.name}' was reset to a new ${keyLength}-character key. Update the peer device with it.`;
    if ((await services.input.showMessage('info', done, {}, 'Copy new key')) === 'Copy new key') {
      await attempt(readingKeyOf(connection), async () =>
        copySharedKeyToClipboard(services, connection, await readSharedKey(services, connection, 'read shared key')),
      );
    }
  });
}
