// Reset Shared Key: Azure generates a new random key of the chosen length; the peer device must follow.
import * as l10n from '@vscode/l10n';
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
  const title = l10n.t('Reset Shared Key');
  const connection = await connectionTarget(services, node, connectionWithSharedKey(), title);
  const other = await otherHalfToChange(services, connection, title);
  const names = other ? l10n.t({ message: "'{0}' and '{1}'", args: [connection.name, other.name], comment: ['The names of both halves of a VNet-to-VNet link'] }) : `'${connection.name}'`;
  const answer = answered(
    await services.input.askText({
      title: l10n.t('Reset Shared Key of {0}', names),
      prompt: l10n.t('Length of the new key Azure generates: a whole number from 1 to 128.'),
      placeHolder: l10n.t('Key length'),
      value: String(defaultKeyLength),
      validate: validateKeyLength,
    }),
  );
  if (!('value' in answer)) {
    throw new UserCancelledError();
  }
  const keyLength = parseKeyLength(answer.value);
  const detail = other
    ? l10n.t("Azure makes a new random {0}-character key on '{1}', and the extension sets the same key on '{2}'. The tunnel drops while they change and comes back once both have it.", keyLength, connection.name, other.name)
    : connection.peerName
      ? l10n.t('Azure replaces the key with a new random {0}-character key. The tunnel stays down until the peer device ({1}) is updated with the new key.', keyLength, connection.peerName)
      : l10n.t('Azure replaces the key with a new random {0}-character key. The tunnel stays down until the peer device is updated with the new key.', keyLength);
  const resetKey = l10n.t('Reset Key');
  const choice = await services.input.showMessage('warning', l10n.t('Reset the shared key of {0}?', names), { modal: true, detail }, resetKey);
  if (choice !== resetKey) {
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
  const failure = {
    what: l10n.t({ message: "reset the shared key of '{0}'", args: [connection.name], comment: ['Completes "Could not …." in a failure message'] }),
    connection,
    stillRunning: l10n.t({ message: "resetting the key of '{0}'", args: [connection.name], comment: ['Completes "Azure may still finish …" when the user stops waiting'] }),
  };
  await attempt(failure, async () => {
    await runConnectionOperation(services, {
      activity: 'resettingKey',
      title: l10n.t("Resetting the shared key of '{0}'", connection.name),
      steps: [
        {
          target: connection,
          phases: keyOperationPhases(l10n.t('Resetting…')),
          // not user-facing: the audit record's operation (KeyOperation), kept in English
          audit: { what: 'reset shared key', connectionId: connection.id, keyLength },
          perform: (api, options) => api.resetSharedKey(connectionRef(connection), keyLength, options),
        },
      ],
    });
    const done =
      connection.type === 'IPsec'
        ? l10n.t("The shared key of '{0}' was reset to a new {1}-character key. Update the peer device with it.", connection.name, keyLength)
        : l10n.t("The shared key of '{0}' was reset to a new {1}-character key. The other half needs the same key.", connection.name, keyLength);
    const copyNewKey = l10n.t('Copy new key');
    if ((await services.input.showMessage('info', done, {}, copyNewKey)) === copyNewKey) {
      await attempt(readingKeyOf(connection), async () =>
        // not user-facing: the audit record's operation (KeyOperation), kept in English
        copySharedKeyToClipboard(services, connection, await readSharedKey(services, connection, 'read shared key')),
      );
    }
  });
}
