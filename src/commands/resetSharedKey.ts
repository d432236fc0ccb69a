// Reset Shared Key: Azure generates a new random key of the chosen length; the peer device must follow.
import type { Connection } from '../azure/model';
import { connectionRef } from '../tree/connectionNode';
import type { TreeNode } from '../tree/treeNode';
import { defaultKeyLength, parseKeyLength, validateKeyLength } from '../ui/validation';
import { keyOperationPhases, reportUnfinished, runConnectionOperation, type ConnectionOperation } from './connectionOperation';
import { readSharedKey } from './readSharedKey';
import { answered, UserCancelledError, type Services } from './services';
import { copySharedKeyToClipboard } from './sharedKeyClipboard';
import { connectionTarget } from './targets';

export async function resetSharedKey(services: Services, node?: TreeNode): Promise<void> {
  const connection = await connectionTarget(services, node, { withSharedKey: true, title: 'Reset Shared Key' });
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
  await resetKeyOf(services, connection, keyLength);
}

async function resetKeyOf(services: Services, connection: Connection, keyLength: number): Promise<void> {
  const operation: ConnectionOperation = {
    connection,
    activity: 'Resetting key…',
    title: `Resetting the shared key of '${connection.name}'`,
    phases: keyOperationPhases('Resetting…'),
    stillRunning: 'resetting the key',
    audit: { what: 'reset shared key', keyLength },
    perform: (api, options) => api.resetSharedKey(connectionRef(connection), keyLength, options),
  };
  const outcome = await runConnectionOperation(services, operation);
  if (outcome.result !== 'succeeded') {
    await reportUnfinished(services, operation, outcome, `reset the shared key of '${connection.name}'`, () =>
      resetKeyOf(services, connection, keyLength),
    );
    return;
  }
  const done = `The shared key of '${connection.name}' was reset to a new ${keyLength}-character key. Update the peer device with it.`;
  if ((await services.input.showMessage('info', done, {}, 'Copy new key')) === 'Copy new key') {
    const sharedKey = await readSharedKey(services, connection, 'read shared key', () => Promise.resolve());
    if (sharedKey !== undefined) {
      await copySharedKeyToClipboard(services, connection, sharedKey);
    }
  }
}
