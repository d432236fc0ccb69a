// One failure path. A command throws; the wrapper in registerCommands.ts catches it and shows it
// once, with the actions that can fix it (Retry, Sign in, Refresh, Retry when it finishes, and the
// command's own). What was being done, on which connection and how to retry travel with the error
// (FailureContext). Audit lines are written where a key operation runs, for every outcome.
import * as vscode from 'vscode';
import { AzureError } from '../azure/errors';
import type { Connection } from '../azure/model';
import { connectionRef } from '../azure/resourceId';
import { auditResult, type AuditSubject } from '../services/audit';
import { UserCancelledError } from '../ui/cancelled';
import { describeFailure, describeStoppedWaiting, failureActionLabel, isStoppedWaiting } from '../ui/failureMessages';
import { withOperationProgress } from '../ui/progress';
import type { Services } from './services';

export interface ExtraAction {
  label: string;
  run(): Promise<void>;
}

export interface FailureContext {
  /** Completes "Could not …", e.g. "reset the shared key of 'vpn-1'". */
  what: string;
  /** The connection it was about: "Refresh" reloads its gateway, "Retry when it finishes" waits for it. */
  connection?: Connection;
  /** Runs the same operation again with the same input; offered when it can help. */
  retry?: () => Promise<void>;
  /** Offer the retry whatever the kind of failure (a held key the user may retry after fixing a permission). */
  alwaysOfferRetry?: boolean;
  /** A sentence added after the reason. */
  addendum?: string;
  extraActions?: ExtraAction[];
  /** Completes "Azure may still finish …" when the user stops waiting, e.g. "resetting the key of 'vpn-1'". */
  stillRunning?: string;
}

export class CommandFailure extends Error {
  constructor(
    readonly reason: unknown,
    readonly context: FailureContext,
  ) {
    super(vscode.l10n.t('Could not {0}.', context.what));
    this.name = 'CommandFailure';
  }
}

/** Runs `work`; when it fails, the failure carries `context` and a Retry that runs `work` again. A failure that already carries one keeps its own. */
export async function attempt(context: Omit<FailureContext, 'retry'>, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof UserCancelledError || error instanceof CommandFailure) throw error;
    throw new CommandFailure(error, { ...context, retry: () => attempt(context, work) });
  }
}

/** The audit line of a key operation: how it ended (no error: it succeeded), never the key. */
export function writeAudit(services: Services, subject: AuditSubject, error?: unknown): void {
  services.log.audit({ ...subject, who: services.azure.who(), result: auditResult(error) });
}

/** Runs a command; every failure is shown here, and what the user picks (Retry, …) runs under the same path. */
export async function runWithFailurePath(services: Services, what: string, run: () => Promise<void>): Promise<void> {
  let next: (() => Promise<void>) | undefined = run;
  while (next) {
    const current: () => Promise<void> = next;
    next = undefined;
    try {
      await current();
    } catch (error) {
      next = await report(services, error instanceof CommandFailure ? error : new CommandFailure(error, { what }));
    }
  }
}

/** Shows the failure; resolves to what the user chose to do next, if anything. */
async function report(services: Services, failure: CommandFailure): Promise<(() => Promise<void>) | undefined> {
  const { reason, context } = failure;
  if (reason instanceof UserCancelledError) return undefined;
  if (isStoppedWaiting(reason)) return reportStoppedWaiting(services, context);
  // Our own bugs get their stack in the log (never in the message); Azure failures are described below.
  if (!(reason instanceof AzureError) && reason instanceof Error && reason.stack) {
    services.log.error(`${context.what}: ${reason.stack}`);
  }
  const shown = describeFailure(context.what, reason, !context.retry ? 'none' : context.alwaysOfferRetry ? 'always' : 'whenSensible');
  services.log.error(shown.message);
  const message = context.addendum ? `${shown.message} ${context.addendum}` : shown.message;
  const extras = context.extraActions ?? [];
  const choice = await services.input.showMessage('error', message, {}, ...shown.actions.map(failureActionLabel), ...extras.map((extra) => extra.label));
  const action = shown.actions.find((candidate) => failureActionLabel(candidate) === choice);
  if (action === 'signIn') return async () => void (await vscode.commands.executeCommand('azureVpn.signIn'));
  if (action === 'refresh') {
    if (context.connection) services.tree.refreshGatewaysOf(context.connection.id);
    else services.tree.refresh();
    return undefined;
  }
  if (action === 'retry') return context.retry;
  if (action === 'retryWhenItFinishes' && context.retry) {
    const retry = context.retry;
    const connection = context.connection;
    return async () => {
      if (connection) await waitUntilSettled(services, connection);
      await retry();
    };
  }
  return extras.find((extra) => extra.label === choice)?.run;
}

/** Stopping the wait is not a failure: say what Azure may still be doing, with the command's own actions. */
async function reportStoppedWaiting(services: Services, context: FailureContext): Promise<(() => Promise<void>) | undefined> {
  const said = describeStoppedWaiting(context.stillRunning ?? vscode.l10n.t({ message: 'the operation', comment: ['Completes "Azure may still finish …" when the user stops waiting'] }));
  const message = context.addendum ? `${said} ${context.addendum}` : said;
  const actions: ExtraAction[] = [...(context.alwaysOfferRetry && context.retry ? [{ label: vscode.l10n.t('Retry'), run: context.retry }] : []), ...(context.extraActions ?? [])];
  const choice = await services.input.showMessage(actions.length ? 'warning' : 'info', message, {}, ...actions.map((action) => action.label));
  return actions.find((action) => action.label === choice)?.run;
}

/** Waits (cancellable) until the connection is no longer busy with another operation. */
async function waitUntilSettled(services: Services, connection: Connection): Promise<void> {
  try {
    await withOperationProgress(
      services.input,
      vscode.l10n.t("Waiting for '{0}' to finish its current operation", connection.name),
      {
        starting: vscode.l10n.t('Checking the connection…'),
        applying: vscode.l10n.t('Azure is still working on it…'),
        waitingForConnection: vscode.l10n.t('Waiting for the connection to finish updating…'),
      },
      async (options) => {
        const api = await services.azure.getApi();
        await api.waitWhileBusy(connectionRef(connection), options);
      },
    );
  } catch (error) {
    // The user gave up waiting for the other operation: nothing failed, nothing to retry.
    if (isStoppedWaiting(error)) throw new UserCancelledError();
    throw error;
  }
}
