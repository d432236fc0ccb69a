// Recover Unsaved Shared Key…, and the offer on activation: a key the user chose that Azure did not
// confirm is offered back (copy, retry, discard) until it is set or discarded (applySharedKey.ts).
import * as l10n from '@vscode/l10n';
import { AzureError } from '../azure/errors';
import type { HeldKey } from '../services/heldKeys';
import { ConnectionNode } from '../tree/connectionNode';
import type { TreeNode } from '../tree/treeNode';
import { answered } from '../ui/cancelled';
import { keptNote, offerHeldKey } from './applySharedKey';
import { runWithFailurePath, writeAudit } from './failures';
import type { Services } from './services';

/** On activation: keys Azure now has are released quietly; the others are offered again. */
export async function offerHeldKeysOnActivation(services: Services): Promise<void> {
  for (const held of await services.heldKeys.load()) {
    if (await azureHasKey(services, held)) {
      await services.heldKeys.release(held.connectionId);
      services.log.info(`Azure now has the key held for ${held.connectionId}; released it from secret storage.`);
      continue;
    }
    const what = l10n.t({ message: 'recover the unsaved shared key', comment: ['Completes "Could not …." in a failure message'] });
    void runWithFailurePath(services, what, () => offerHeldKey(services, held, heldSince(held)));
  }
}

/** "Recover Unsaved Shared Key…": from a node showing a held key, or picked from all held keys. */
export async function recoverSharedKey(services: Services, node?: TreeNode): Promise<void> {
  const all = node instanceof ConnectionNode ? [] : await services.heldKeys.load();
  if (!(node instanceof ConnectionNode) && all.length === 0) {
    void services.input.showMessage('info', l10n.t('No unsaved shared keys: every key you chose was confirmed by Azure or discarded.'), {});
    return;
  }
  const held =
    node instanceof ConnectionNode
      ? await services.heldKeys.get(node.connection.id)
      : answered(
          await services.input.pickOne(
            all.map((key) => ({ label: key.connectionName, description: key.ref.resourceGroup, value: key })),
            { title: l10n.t('Recover Unsaved Shared Key'), placeHolder: l10n.t('Select the connection whose key was not set') },
          ),
        );
  if (!held) {
    void services.input.showMessage('info', l10n.t('No unsaved shared key is held for this connection.'), {});
    return;
  }
  await offerHeldKey(services, held, heldSince(held));
}

function heldSince(held: HeldKey): string {
  return l10n.t("A shared key you chose for '{0}' on {1} was not confirmed by Azure. {2}", held.connectionName, new Date(held.heldAt).toLocaleString(), keptNote());
}

async function azureHasKey(services: Services, held: HeldKey): Promise<boolean> {
  try {
    const api = await services.azure.getApi();
    const current = await api.getSharedKey(held.ref);
    // not user-facing: the audit record's operation (KeyOperation), kept in English
    writeAudit(services, { what: 'read shared key', connectionId: held.connectionId, keyLength: current.length });
    return current === held.sharedKey;
  } catch (error) {
    if (!(error instanceof AzureError)) {
      services.log.warn(`Could not check the held key of ${held.connectionId}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return false;
  }
}
