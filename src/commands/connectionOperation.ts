// The one runner of every long Azure operation on a connection (set, reset, delete, create): spinner
// on the node, progress notification, the audit line of a key operation whatever the outcome, and
// the tree told afterwards. Failures (stopping the wait included) are thrown to the one failure path.
import type { AzureVpnApi } from '../azure/api';
import type { OperationOptions } from '../azure/model';
import type { AuditSubject } from '../services/audit';
import type { ConnectionActivity } from '../services/connectionActivities';
import { withOperationProgress, type PhaseMessages } from '../ui/progress';
import { writeAudit } from './failures';
import type { Services } from './services';

export interface ConnectionOperation {
  /** The connection it works on; for one being created, the id it will have. */
  target: { id: string; name: string };
  activity: ConnectionActivity;
  /** The progress notification's title, e.g. "Resetting the shared key of 'vpn-1'". */
  title: string;
  phases: PhaseMessages;
  /** Key operations leave an audit line. */
  audit?: AuditSubject;
  perform(api: AzureVpnApi, options: OperationOptions): Promise<void>;
  /** How the tree learns what happened; by default the connection is read again. */
  afterwards?(): void | Promise<void>;
}

/** What the progress of a change to a connection says, step by step. */
export function changePhases(starting: string, applying: string): PhaseMessages {
  return { starting, applying, waitingForConnection: 'Waiting for the connection to finish updating…' };
}

/** What a key operation's progress says: only the first step differs between Set and Reset. */
export function keyOperationPhases(starting: string): PhaseMessages {
  return changePhases(starting, 'Azure is applying the new key…');
}

export async function runConnectionOperation(services: Services, operation: ConnectionOperation): Promise<void> {
  await services.activities.run(operation.target.id, operation.activity, async () => {
    try {
      await withOperationProgress(services.input, operation.title, operation.phases, async (options) => {
        const api = await services.azure.getApi();
        await operation.perform(api, options);
      });
    } catch (error) {
      if (operation.audit) writeAudit(services, operation.audit, error);
      throw error;
    } finally {
      // While the row still shows the operation, so it never flickers back to how it was before.
      await (operation.afterwards ? operation.afterwards() : services.tree.reloadConnection(operation.target.id));
    }
    if (operation.audit) writeAudit(services, operation.audit);
  });
}
