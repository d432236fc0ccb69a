// Both halves of a VNet-to-VNet link get the same key in one operation: Set sends the chosen key to
// both; Reset lets Azure make the key on the first half, reads it, and sets it on the second. One
// notification names both steps. If the second half fails, the key is held for it (SecretStorage,
// offered again after a reload) and the message says which half has the new key and which the old.
import * as l10n from '@vscode/l10n';
import type { Connection } from '../azure/model';
import { connectionRef } from '../azure/resourceId';
import { isStoppedWaiting } from '../ui/failureMessages';
import { applySharedKey, copyAndDiscard, keptNote } from './applySharedKey';
import { keyOperationPhases, runConnectionOperation, type OperationStep } from './connectionOperation';
import { attempt, CommandFailure } from './failures';
import { readSharedKey } from './readSharedKey';
import type { Services } from './services';

export type KeyChange = { kind: 'set'; sharedKey: string } | { kind: 'reset'; keyLength: number };

export async function changeBothHalves(services: Services, first: Connection, second: Connection, change: KeyChange): Promise<void> {
  const setting = change.kind === 'set';
  const firstHeld = setting ? { connectionId: first.id, connectionName: first.name, ref: connectionRef(first), sharedKey: change.sharedKey } : undefined;
  const context = {
    what: setting
      ? l10n.t({ message: "set the shared key of '{0}' and '{1}'", args: [first.name, second.name], comment: ['Completes "Could not …." in a failure message'] })
      : l10n.t({ message: "reset the shared key of '{0}' and '{1}'", args: [first.name, second.name], comment: ['Completes "Could not …." in a failure message'] }),
    connection: first,
    stillRunning: setting
      ? l10n.t({ message: "setting the key of '{0}'; '{1}' was not changed", args: [first.name, second.name], comment: ['Completes "Azure may still finish …" when the user stops waiting'] })
      : l10n.t({ message: "resetting the key of '{0}'; '{1}' was not changed", args: [first.name, second.name], comment: ['Completes "Azure may still finish …" when the user stops waiting'] }),
    ...(firstHeld ? { addendum: keptNote(), alwaysOfferRetry: true, extraActions: copyAndDiscard(services, firstHeld) } : {}),
  };
  await attempt(context, async () => {
    let key = setting ? change.sharedKey : undefined;
    if (key) await hold(services, first, key);
    let done = 0;
    const secondStep: OperationStep = {
      target: second,
      phases: keyOperationPhases(setting ? l10n.t('Sending the new key…') : l10n.t("Reading the key Azure made for '{0}' and sending it…", first.name)),
      // not user-facing: the audit record's operation (KeyOperation), kept in English
      audit: { what: 'set shared key', connectionId: second.id, keyLength: setting ? change.sharedKey.length : change.keyLength },
      perform: async (api, options) => {
        key ??= await readSharedKey(services, first, 'read shared key'); // not user-facing: the audit record's operation (KeyOperation)
        await hold(services, second, key);
        await api.setSharedKey(connectionRef(second), key, options);
        await services.heldKeys.release(second.id);
      },
    };
    try {
      await runConnectionOperation(services, {
        title: setting
          ? l10n.t("Setting the shared key of '{0}' and '{1}'", first.name, second.name)
          : l10n.t("Resetting the shared key of '{0}' and '{1}'", first.name, second.name),
        activity: setting ? 'settingKey' : 'resettingKey',
        steps: [setting ? setStep(services, first, change.sharedKey) : resetStep(first, change.keyLength), secondStep],
        onStepDone: (index) => (done = index + 1),
      });
    } catch (error) {
      if (done === 0) throw error;
      throw secondHalfFailed(services, first, second, key, error);
    }
    void services.input.showMessage('info', l10n.t("Both halves have the new shared key: '{0}' and '{1}'.", first.name, second.name), {});
  });
}

/** The key is released from secret storage as soon as Azure confirms it. */
function setStep(services: Services, connection: Connection, sharedKey: string): OperationStep {
  return {
    target: connection,
    phases: keyOperationPhases(l10n.t('Sending the new key…')),
    // not user-facing: the audit record's operation (KeyOperation), kept in English
    audit: { what: 'set shared key', connectionId: connection.id, keyLength: sharedKey.length },
    perform: async (api, options) => {
      await api.setSharedKey(connectionRef(connection), sharedKey, options);
      await services.heldKeys.release(connection.id);
    },
  };
}

function resetStep(connection: Connection, keyLength: number): OperationStep {
  return {
    target: connection,
    phases: keyOperationPhases(l10n.t('Resetting…')),
    // not user-facing: the audit record's operation (KeyOperation), kept in English
    audit: { what: 'reset shared key', connectionId: connection.id, keyLength },
    perform: (api, options) => api.resetSharedKey(connectionRef(connection), keyLength, options),
  };
}

function hold(services: Services, connection: Connection, sharedKey: string): Promise<void> {
  return services.heldKeys.hold({ connectionId: connection.id, connectionName: connection.name, ref: connectionRef(connection), sharedKey });
}

/** The first half has the new key: say so by name, hold the key for the second, and offer to send it there again. */
function secondHalfFailed(services: Services, first: Connection, second: Connection, key: string | undefined, reason: unknown): CommandFailure {
  const where = l10n.t("'{0}' has the new key, '{1}' still the old one: the tunnel stays down until they match.", first.name, second.name);
  if (!key) {
    const what = l10n.t({ message: "read the new key of '{0}' to set it on '{1}'", args: [first.name, second.name], comment: ['Completes "Could not …." in a failure message'] });
    return new CommandFailure(reason, { what, connection: first, addendum: where });
  }
  const held = { connectionId: second.id, connectionName: second.name, ref: connectionRef(second), sharedKey: key };
  return new CommandFailure(reason, {
    what: l10n.t({ message: "set the shared key of '{0}'", args: [second.name], comment: ['Completes "Could not …." in a failure message'] }),
    connection: second,
    addendum: `${where} ${keptNote()}`,
    alwaysOfferRetry: true,
    retry: () => applySharedKey(services, second, { sharedKey: key, generated: true }),
    extraActions: copyAndDiscard(services, held),
    stillRunning: isStoppedWaiting(reason)
      ? l10n.t({ message: "setting the key of '{0}' ('{1}' already has it)", args: [second.name, first.name], comment: ['Completes "Azure may still finish …" when the user stops waiting'] })
      : undefined,
  });
}
