// "Nothing lost on a half-finished rotation": a key the user chose that Azure did not confirm is
// offered back (copy, retry, discard) right after the failure, on activation, and from its node.
import { AzureError } from '../azure/errors';
import { ConnectionNode } from '../tree/connectionNode';
import type { TreeNode } from '../tree/treeNode';
import type { HeldKey } from '../ui/heldKeys';
import { stoppedWaitingMessage, type ConnectionOperation, type OperationOutcome } from './connectionOperation';
import { showFailure, type ExtraAction } from './failures';
import { answered, type Services } from './services';
import { applySharedKey } from './setSharedKey';
import { copySharedKeyToClipboard } from './sharedKeyClipboard';

const keptNote = "Your new key is kept in VS Code's secret storage until it is set or you discard it.";

export async function offerHeldKeyAfterFailure(
  services: Services,
  operation: ConnectionOperation,
  outcome: OperationOutcome,
  held: HeldKey,
): Promise<void> {
  if (outcome.result === 'failed') {
    await showFailure(services, `set the shared key of '${held.connectionName}'`, outcome.error, {
      connection: operation.connection,
      retry: () => retryHeldKey(services, held),
      alwaysOfferRetry: true,
      addendum: keptNote,
      extraActions: copyAndDiscard(services, held),
    });
    return;
  }
  await offer(services, held, `${stoppedWaitingMessage(operation)} ${keptNote}`);
}

/** On activation: keys Azure now has are released quietly; the others are offered again. */
export async function offerHeldKeysOnActivation(services: Services): Promise<void> {
  for (const held of await services.heldKeys.load()) {
    if (await azureHasKey(services, held)) {
      await services.heldKeys.release(held.connectionId);
      services.log.info(`Azure now has the key held for ${held.connectionId}; released it from secret storage.`);
      continue;
    }
    void offer(services, held, heldSince(held));
  }
}

/** "Recover Unsaved Shared Key…": from a node showing a held key, or picked from all held keys. */
export async function recoverSharedKey(services: Services, node?: TreeNode): Promise<void> {
  const held =
    node instanceof ConnectionNode
      ? await services.heldKeys.get(node.connection.id)
      : answered(
          await services.input.pickOne(
            (await services.heldKeys.load()).map((key) => ({ label: key.connectionName, description: key.ref.resourceGroup, value: key })),
            { title: 'Recover Unsaved Shared Key', placeHolder: 'Select the connection whose key was not set' },
          ),
        );
  if (!held) {
    void services.input.showMessage('info', 'No unsaved shared key is held for this connection.', {});
    return;
  }
  await offer(services, held, heldSince(held));
}

function heldSince(held: HeldKey): string {
  return `A shared key you chose for '${held.connectionName}' on ${new Date(held.heldAt).toLocaleString()} was not confirmed by Azure. ${keptNote}`;
}

async function offer(services: Services, held: HeldKey, message: string): Promise<void> {
  const actions: ExtraAction[] = [...copyAndDiscard(services, held)];
  actions.splice(1, 0, { label: 'Retry', run: () => retryHeldKey(services, held) });
  const choice = await services.input.showMessage('warning', message, {}, ...actions.map((action) => action.label));
  await actions.find((action) => action.label === choice)?.run();
}

function copyAndDiscard(services: Services, held: HeldKey): ExtraAction[] {
  return [
    {
      label: 'Copy key',
      run: () => copySharedKeyToClipboard(services, { id: held.connectionId, name: held.connectionName }, held.sharedKey),
    },
    {
      label: 'Discard',
      run: async () => {
        await services.heldKeys.release(held.connectionId);
        void services.input.showMessage('info', `Discarded the held key of '${held.connectionName}'. If Azure applied it, View Shared Key still shows it.`, {});
      },
    },
  ];
}

async function connectionOf(services: Services, held: HeldKey) {
  const api = await services.azure.getApi();
  return api.getConnection(held.ref);
}

async function retryHeldKey(services: Services, held: HeldKey): Promise<void> {
  let connection;
  try {
    connection = await connectionOf(services, held);
  } catch (error) {
    await showFailure(services, `set the shared key of '${held.connectionName}'`, error, {
      retry: () => retryHeldKey(services, held),
      addendum: keptNote,
      extraActions: copyAndDiscard(services, held),
    });
    return;
  }
  await applySharedKey(services, connection, { sharedKey: held.sharedKey, generated: true });
}

async function azureHasKey(services: Services, held: HeldKey): Promise<boolean> {
  try {
    const api = await services.azure.getApi();
    const current = await api.getSharedKey(held.ref);
    services.log.audit({ who: services.azure.who(), what: 'read shared key', connectionId: held.connectionId, result: 'succeeded', keyLength: current.length });
    return current === held.sharedKey;
  } catch (error) {
    if (!(error instanceof AzureError)) {
      services.log.warn(`Could not check the held key of ${held.connectionId}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return false;
  }
}
