// Runs one long Azure operation on a connection: spinner on the node, progress notification, audit
// line for key operations, "stop waiting" that is never a failure, and the node read again afterwards.
import type { AzureVpnApi } from '../azure/api';
import { AzureError } from '../azure/errors';
import type { Connection, OperationOptions } from '../azure/model';
import type { ConnectionActivity } from '../tree/treeModel';
import type { AuditEntry, KeyOperation } from '../ui/audit';
import { describeStoppedWaiting, isStoppedWaiting } from '../ui/failureMessages';
import { withOperationProgress, type PhaseMessages } from '../ui/progress';
import { showFailure } from './failures';
import type { Services } from './services';

export interface ConnectionOperation {
  connection: Connection;
  activity: ConnectionActivity;
  /** The progress notification's title, e.g. "Resetting the shared key of 'vpn-1'". */
  title: string;
  phases: PhaseMessages;
  /** Completes "Azure may still finish …", e.g. "resetting the key". */
  stillRunning: string;
  audit?: { what: KeyOperation; keyLength?: number };
  perform(api: AzureVpnApi, options: OperationOptions): Promise<void>;
}

/** What a key operation's progress says: only the first step differs between Set and Reset. */
export function keyOperationPhases(starting: string): PhaseMessages {
  return {
    starting,
    applying: 'Azure is applying the new key…',
    waitingForConnection: 'Waiting for the connection to finish updating…',
  };
}

export type OperationOutcome = { result: 'succeeded' } | { result: 'stoppedWaiting' } | { result: 'failed'; error: unknown };

export async function runConnectionOperation(services: Services, operation: ConnectionOperation): Promise<OperationOutcome> {
  const { connection } = operation;
  let outcome: OperationOutcome;
  try {
    await services.activities.run(connection.id, operation.activity, () =>
      withOperationProgress(services.input, operation.title, operation.phases, async (options) => {
        const api = await services.azure.getApi();
        await operation.perform(api, options);
      }),
    );
    outcome = { result: 'succeeded' };
  } catch (error) {
    outcome = isStoppedWaiting(error) ? { result: 'stoppedWaiting' } : { result: 'failed', error };
  }
  audit(services, operation, outcome);
  await services.tree.reloadConnection(connection.id);
  return outcome;
}

/** What the user is told when the operation did not succeed: stopping the wait is not a failure. */
export async function reportUnfinished(
  services: Services,
  operation: ConnectionOperation,
  outcome: OperationOutcome,
  failedWhat: string,
  retry: () => Promise<void>,
): Promise<void> {
  if (outcome.result === 'stoppedWaiting') {
    void services.input.showMessage('info', stoppedWaitingMessage(operation), {});
  } else if (outcome.result === 'failed') {
    await showFailure(services, failedWhat, outcome.error, { connection: operation.connection, retry });
  }
}

export function stoppedWaitingMessage(operation: ConnectionOperation): string {
  return describeStoppedWaiting(`${operation.stillRunning} of '${operation.connection.name}'`);
}

function audit(services: Services, operation: ConnectionOperation, outcome: OperationOutcome): void {
  if (!operation.audit) {
    return;
  }
  const result: AuditEntry['result'] =
    outcome.result === 'succeeded'
      ? 'succeeded'
      : outcome.result === 'stoppedWaiting'
        ? 'stopped waiting'
        : `failed (${outcome.error instanceof AzureError ? outcome.error.kind : 'error'})`;
  services.log.audit({
    who: services.azure.who(),
    what: operation.audit.what,
    connectionId: operation.connection.id,
    result,
    keyLength: operation.audit.keyLength,
  });
}
