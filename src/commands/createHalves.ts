// Creating a connection, or both halves of a VNet-to-VNet link with the same key, through the one
// operation runner. If the second half fails, the first exists: say so, and offer Retry (the second
// half only) or Delete the first.
import type { Connection, NewConnection } from '../azure/model';
import { connectionId, connectionRef } from '../azure/resourceId';
import { isStoppedWaiting } from '../ui/failureMessages';
import type { NewSharedKey } from './askSharedKey';
import { runConnectionOperation, type OperationStep } from './connectionOperation';
import { attempt, CommandFailure, type ExtraAction } from './failures';
import type { Services } from './services';
import { copySharedKeyToClipboard } from './sharedKeyClipboard';

const heldNote = "Its shared key is kept in VS Code's secret storage until you discard it.";

/** Creates the connections in order; resolves to what Azure created. */
export async function createHalves(services: Services, specs: NewConnection[], key: NewSharedKey): Promise<Connection[]> {
  const [first, second] = specs;
  const copyKey: ExtraAction = { label: 'Copy key', run: () => copySharedKeyToClipboard(services, { id: connectionId(first), name: first.name }, first.sharedKey) };
  const failure = { what: `create the connection '${first.name}'`, stillRunning: `creating '${first.name}'`, extraActions: key.generated ? [copyKey] : [] };
  const created: Connection[] = [];
  await attempt(failure, async () => {
    let done = 0;
    try {
      await runConnectionOperation(services, {
        activity: 'Creating…',
        title: second ? `Creating '${first.name}' and its other half '${second.name}'` : `Creating the connection '${first.name}'`,
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
        if (isStoppedWaiting(error)) throw new CommandFailure(error, { ...failure, extraActions: [], addendum: heldNote });
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
    phases: { starting: 'Creating…', applying: 'Azure is creating the connection…', waitingForConnection: 'Waiting for the connection to finish provisioning…' },
    audit: { what: 'created connection with shared key', connectionId: connectionId(spec), keyLength: spec.sharedKey.length },
    perform: async (api, options) => void created.push(await api.createConnection(spec, options)),
  };
}

/** The first half exists, the second does not: Retry makes the second only; Delete removes the first. */
function otherHalfFailed(services: Services, first: Connection, second: NewConnection, key: NewSharedKey, reason: unknown): CommandFailure {
  const deleteFirst: ExtraAction = {
    label: `Delete '${first.name}'`,
    run: () =>
      attempt({ what: `delete the connection '${first.name}'`, connection: first }, async () => {
        await runConnectionOperation(services, {
          activity: 'Deleting…',
          title: `Deleting the connection '${first.name}'`,
          steps: [{ target: first, phases: { starting: 'Deleting…', applying: 'Azure is removing the connection…', waitingForConnection: 'Waiting for Azure to finish…' }, perform: (api, options) => api.deleteConnection(connectionRef(first), options) }],
        });
        void services.input.showMessage('info', `Deleted the connection '${first.name}'.`, {});
      }),
  };
  const stopped = isStoppedWaiting(reason);
  return new CommandFailure(reason, {
    what: `create the other half '${second.name}'`,
    addendum: `'${first.name}' was created; the tunnel stays down until its other half exists.${stopped ? ` ${heldNote}` : ''}`,
    stillRunning: `creating the other half '${second.name}' ('${first.name}' was created)`,
    retry: async () => void (await createHalves(services, [second], key)),
    alwaysOfferRetry: true,
    extraActions: [deleteFirst],
  });
}
