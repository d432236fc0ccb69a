// Copy Shared Key: to the clipboard, cleared after azureVpn.clipboardClearSeconds if still there.
import * as l10n from '@vscode/l10n';
import type { TreeNode } from '../tree/treeNode';
import { attempt } from './failures';
import { readingKeyOf, readSharedKey } from './readSharedKey';
import type { Services } from './services';
import { copySharedKeyToClipboard } from './sharedKeyClipboard';
import { connectionTarget, connectionWithSharedKey } from './targets';

export async function copySharedKey(services: Services, node?: TreeNode): Promise<void> {
  const connection = await connectionTarget(services, node, connectionWithSharedKey(), l10n.t('Copy Shared Key'));
  await attempt(readingKeyOf(connection), async () => {
    // not user-facing: the audit record's operation (KeyOperation), kept in English
    await copySharedKeyToClipboard(services, connection, await readSharedKey(services, connection, 'read shared key'));
  });
}
