// Creating a connection, or both halves of a VNet-to-VNet link with the same key, through the one
// operation runner. If the second half fails, the first exists: say so, and offer Retry (the second
// half only) or Delete the first.
import * as l10n from '@vscode/l10n';
import type { Connection, NewConnection } from '../azure/model';
import { connectionId, connectionRef } from '../azure/resourceId';
import { isStoppedWaiting } from '../ui/failureMessages';
import type { NewSharedKey } from './askSharedKey';
import { runConnectionOperation, type OperationStep } from './connectionOperation';
import { attempt, CommandFailure, type ExtraAction } from './failures';
import type { Services } from './services';
import { copySharedKeyToClipboard } from './sharedKeyClipboard';

const heldNote = () => l10n.t("Its shared key is kept in VS Code's secret storage until you discard it.");

/** Creates the connections in order; resolves to what Azure created. */
export async function createHalves(services: Services, specs: NewConnection[], key: NewSharedKey): Promise<Connection[]> {
  const [first, second] = specs;
  const copyKey: ExtraAction = { label: l10n.t('Copy key'), run: () => copySharedKeyToClipboard(services, { id: connectionId(first), name: first.name }, first.sharedKey) };
  const failure = {
    what: l10n.t({ message: "create the connection '{0}'", args: [first.name], comment: ['Completes "Could not …." in a failure message'] }),
    stillRunning: l10n.t({ message: "creating '{0}'", args: [first.name], comment: ['Completes "Azure may still finish …" when the user stops waiting'] }),
    extraActions: key.generated ? [copyKey] : [],
  };
  const created: Connection[] = [];
  await attempt(failure, async () => {
    let done = 0;
    try {
      await runConnectionOperation(services, {
        activity: 'creating',
        title: second ? l10n.t("Creating '{0}' and its other half '{1}'", first.name, second.name) : l10n.t("Creating the connection '{0}'", first.name),
        // A creation that failed late can leave the connection behind in Azure: show what is there.
        afterwards: () => specs.forEach((spec) => services.tree.refreshGatewaysOf(connectionId(spec), spec.gatewayId, spec.peerId)),
        steps: specs.map((spec) => createStep(spec, created)),
        onStepDone: (index) => (done = index + 1),
      });
    } catch (error) {
      const failed = specs[done];
      if (isStoppedWaiting(error)) {
        // Azure may still create it with this key: hold the key like a half-finished rotation.
        await services.heldKeys.hold({ connectionId: connectionId(failed), connectionName: failed.name, ref: { subscriptionId: failed.subscriptionId, resourceGroup: failed.resourceGroup, name: failed.name }, sharedKey: failed.sharedKey });
      }
      if (done === 0) {
        if (isStoppedWaiting(error)) throw new CommandFailure(error, { ...failure, extraActions: [], addendum: heldNote() });
        throw error;
      }
      throw otherHalfFailed(services, created[0], failed, key, error);
    }
  });
  return created;
}

function createStep(spec: NewConnection, created: Connection[]): OperationStep {
  return {
    target: { id: connectionId(spec), name: spec.name },
    phases: { starting: l10n.t('Creating…'), applying: l10n.t('Azure is creating the connection…'), waitingForConnection: l10n.t('Waiting for the connection to finish provisioning…') },
    // not user-facing: the audit record's operation (KeyOperation), kept in English
    audit: { what: 'created connection with shared key', connectionId: connectionId(spec), keyLength: spec.sharedKey.length },
    perform: async (api, options) => void created.push(await api.createConnection(spec, options)),
  };
}

/** The first half exists, the second does not: Retry makes the second only; Delete removes the first. */
function otherHalfFailed(services: Services, first: Connection, second: NewConnection, key: NewSharedKey, reason: unknown): CommandFailure {
  const deleteFirst: ExtraAction = {
    label: l10n.t("Delete '{0}'", first.name),
    run: () =>
      attempt({ what: l10n.t({ message: "delete the connection '{0}'", args: [first.name], comment: ['Completes "Could not …." in a failure message'] }), connection: first }, async () => {
        await runConnectionOperation(services, {
          activity: 'deleting',
          title: l10n.t("Deleting the connection '{0}'", first.name),
          steps: [
            {
              target: first,
              phases: { starting: l10n.t('Deleting…'), applying: l10n.t('Azure is removing the connection…'), waitingForConnection: l10n.t('Waiting for Azure to finish…') },
              perform: (api, options) => api.deleteConnection(connectionRef(first), options),
            },
          ],
        });
        void services.input.showMessage('info', l10n.t("Deleted the connection '{0}'.", first.name), {});
      }),
  };
  const stopped = isStoppedWaiting(reason);
  return new CommandFailure(reason, {
    what: l10n.t({ message: "create the other half '{0}'", args: [second.name], comment: ['Completes "Could not …." in a failure message'] }),
    addendum: stopped
      ? l10n.t("'{0}' was created; the tunnel stays down until its other half exists. {1}", first.name, heldNote())
      : l10n.t("'{0}' was created; the tunnel stays down until its other half exists.", first.name),
    stillRunning: l10n.t({ message: "creating the other half '{0}' ('{1}' was created)", args: [second.name, first.name], comment: ['Completes "Azure may still finish …" when the user stops waiting'] }),
    retry: async () => void (await createHalves(services, [second], key)),
    alwaysOfferRetry: true,
    extraActions: [deleteFirst],
  });
}
