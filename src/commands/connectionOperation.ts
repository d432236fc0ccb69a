// The one runner of every long Azure operation on connections (set, reset, delete, create — on one
// connection or on both halves of a VNet-to-VNet link): a spinner on each row, one progress
// notification naming each step and its phase, the audit line of every key operation whatever the
// outcome, and the tree told afterwards. Failures (stopping the wait included) are thrown to the one
// failure path; `onStepDone` tells the caller how far it got.
import * as l10n from '@vscode/l10n';
import type { AzureVpnApi } from '../azure/api';
import type { OperationOptions } from '../azure/model';
import type { AuditSubject } from '../services/audit';
import type { ConnectionActivity } from '../services/connectionActivities';
import type { PhaseMessages } from '../ui/progress';
import { writeAudit } from './failures';
import type { Services } from './services';

export interface OperationStep {
  /** The connection it works on; for one being created, the id it will have. */
  target: { id: string; name: string };
  phases: PhaseMessages;
  /** Key operations leave an audit line. */
  audit?: AuditSubject;
  perform(api: AzureVpnApi, options: OperationOptions): Promise<void>;
}

export interface ConnectionOperation {
  /** The progress notification's title, e.g. "Resetting the shared key of 'vpn-1'". */
  title: string;
  /** What its rows show while it runs (the tree words it: "Setting key…"). */
  activity: ConnectionActivity;
  /** One after another, in one notification ("1/2 'cn-a': …" when there are several). */
  steps: OperationStep[];
  /** How the tree learns what happened; by default each connection is read again. */
  afterwards?(): void | Promise<void>;
  onStepDone?(index: number): void;
}

/** What the progress of a change to a connection says, step by step. */
export function changePhases(starting: string, applying: string): PhaseMessages {
  return { starting, applying, waitingForConnection: l10n.t('Waiting for the connection to finish updating…') };
}

/** What a key operation's progress says: only the first step differs between Set and Reset. */
export function keyOperationPhases(starting: string): PhaseMessages {
  return changePhases(starting, l10n.t('Azure is applying the new key…'));
}

export async function runConnectionOperation(services: Services, operation: ConnectionOperation): Promise<void> {
  const run = () =>
    services.input.showProgress(operation.title, async (report, stopWaiting) => {
      const api = await services.azure.getApi();
      for (const [index, step] of operation.steps.entries()) {
        const prefix = operation.steps.length > 1 ? `${index + 1}/${operation.steps.length} '${step.target.name}': ` : '';
        report(prefix + step.phases.starting);
        await performStep(services, api, step, { abortSignal: stopWaiting, onProgress: (phase) => report(prefix + step.phases[phase]) });
        operation.onStepDone?.(index);
      }
    });
  const whileBusy = operation.steps.reduceRight<() => Promise<void>>(
    (inner, step) => () => services.activities.run(step.target.id, operation.activity, inner),
    async () => {
      try {
        await run();
      } finally {
        // While the rows still show the operation, so they never flicker back to how they were before.
        await (operation.afterwards ? operation.afterwards() : Promise.all(operation.steps.map((step) => services.tree.reloadConnection(step.target.id))));
      }
    },
  );
  await whileBusy();
}

async function performStep(services: Services, api: AzureVpnApi, step: OperationStep, options: OperationOptions): Promise<void> {
  try {
    await step.perform(api, options);
  } catch (error) {
    if (step.audit) writeAudit(services, step.audit, error);
    throw error;
  }
  if (step.audit) writeAudit(services, step.audit);
}
