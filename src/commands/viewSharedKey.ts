// View Shared Key: fetched on demand and shown masked, with Reveal and Copy; never written anywhere.
import * as l10n from '@vscode/l10n';
import type { TreeNode } from '../tree/treeNode';
import { attempt } from './failures';
import { readingKeyOf, readSharedKey } from './readSharedKey';
import type { Services } from './services';
import { copySharedKeyToClipboard } from './sharedKeyClipboard';
import { connectionTarget, connectionWithSharedKey } from './targets';

export async function viewSharedKey(services: Services, node?: TreeNode): Promise<void> {
  const connection = await connectionTarget(services, node, connectionWithSharedKey(), l10n.t('View Shared Key'));
  await attempt(readingKeyOf(connection), async () => {
    const sharedKey = await readSharedKey(services, connection, 'viewed shared key'); // not user-facing: the audit record's operation (KeyOperation)
    await services.input.showSharedKey({
      title: l10n.t("Shared key of '{0}'", connection.name),
      sharedKey,
      copy: () => copySharedKeyToClipboard(services, connection, sharedKey),
    });
  });
}
