// "Nothing lost on a half-finished rotation": a key the user chose is held in SecretStorage before it
// is sent and released only once Azure confirms it; until then it is offered back (copy, retry,
// discard) after the failure, on activation and from its node (heldSharedKey.ts).
import * as l10n from '@vscode/l10n';
import type { Connection } from '../azure/model';
import { connectionRef } from '../azure/resourceId';
import type { HeldKey } from '../services/heldKeys';
import type { NewSharedKey } from './askSharedKey';
import { keyOperationPhases, runConnectionOperation } from './connectionOperation';
import { attempt, type ExtraAction } from './failures';
import type { Services } from './services';
import { copySharedKeyToClipboard } from './sharedKeyClipboard';

export const keptNote = () => l10n.t("Your new key is kept in VS Code's secret storage until it is set or you discard it.");

/** Holds the key, sends it, and releases it only once Azure confirms it. */
export async function applySharedKey(services: Services, connection: Connection, key: NewSharedKey): Promise<void> {
  const held = { connectionId: connection.id, connectionName: connection.name, ref: connectionRef(connection), sharedKey: key.sharedKey };
  await services.heldKeys.hold(held);
  const failure = {
    what: l10n.t({ message: "set the shared key of '{0}'", args: [connection.name], comment: ['Completes "Could not …." in a failure message'] }),
    connection,
    alwaysOfferRetry: true,
    addendum: keptNote(),
    extraActions: copyAndDiscard(services, held),
    stillRunning: l10n.t({ message: "setting the key of '{0}'", args: [connection.name], comment: ['Completes "Azure may still finish …" when the user stops waiting'] }),
  };
  await attempt(failure, async () => {
    await runConnectionOperation(services, {
      activity: 'settingKey',
      title: l10n.t("Setting the shared key of '{0}'", connection.name),
      steps: [
        {
          target: connection,
          phases: keyOperationPhases(l10n.t('Sending the new key…')),
          // not user-facing: the audit record's operation (KeyOperation), kept in English
          audit: { what: 'set shared key', connectionId: connection.id, keyLength: key.sharedKey.length },
          perform: async (api, options) => {
            await api.setSharedKey(connectionRef(connection), key.sharedKey, options);
            // Released while the row still shows the operation, so it never shows a held key after a success.
            await services.heldKeys.release(connection.id);
          },
        },
      ],
    });
    const done =
      connection.type === 'IPsec'
        ? l10n.t("The shared key of '{0}' is set. Update the peer device with the same key.", connection.name)
        : l10n.t("The shared key of '{0}' is set.", connection.name);
    const copyNewKey = l10n.t('Copy new key');
    if ((await services.input.showMessage('info', done, {}, ...(key.generated ? [copyNewKey] : []))) === copyNewKey) {
      await copySharedKeyToClipboard(services, connection, key.sharedKey);
    }
  });
}

/** The held key offered back: copy it, send it again, or forget it. */
export async function offerHeldKey(services: Services, held: HeldKey, message: string): Promise<void> {
  const [copy, discard] = copyAndDiscard(services, held);
  const actions: ExtraAction[] = [copy, { label: l10n.t('Retry'), run: () => retryHeldKey(services, held) }, discard];
  const choice = await services.input.showMessage('warning', message, {}, ...actions.map((action) => action.label));
  await actions.find((action) => action.label === choice)?.run();
}

export function copyAndDiscard(services: Services, held: Omit<HeldKey, 'heldAt'>): ExtraAction[] {
  return [
    {
      label: l10n.t('Copy key'),
      run: () => copySharedKeyToClipboard(services, { id: held.connectionId, name: held.connectionName }, held.sharedKey),
    },
    {
      label: l10n.t('Discard'),
      run: async () => {
        await services.heldKeys.release(held.connectionId);
        void services.input.showMessage('info', l10n.t("Discarded the held key of '{0}'. If Azure applied it, View Shared Key still shows it.", held.connectionName), {});
      },
    },
  ];
}

/** Reads the connection as it is now and sends the held key again. */
async function retryHeldKey(services: Services, held: HeldKey): Promise<void> {
  const failure = {
    what: l10n.t({ message: "set the shared key of '{0}'", args: [held.connectionName], comment: ['Completes "Could not …." in a failure message'] }),
    addendum: keptNote(),
    extraActions: copyAndDiscard(services, held),
  };
  await attempt(failure, async () => {
    const api = await services.azure.getApi();
    const connection = await api.getConnection(held.ref);
    await applySharedKey(services, connection, { sharedKey: held.sharedKey, generated: true });
  });
}
