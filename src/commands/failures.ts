// Shows what went wrong with an Azure call, in one message, with the actions that can fix it.
import * as vscode from 'vscode';
import type { Connection } from '../azure/model';
import { describeFailure } from '../ui/failureMessages';
import { withOperationProgress } from '../ui/progress';
import { connectionRef } from '../tree/connectionNode';
import { UserCancelledError, type Services } from './services';

export interface ExtraAction {
  label: string;
  run(): Promise<void>;
}

export interface FailureOptions {
  /** Runs the same operation again with the same input; offered when it can help. */
  retry?: () => Promise<void>;
  /** Offer the retry whatever the kind of failure (a held key the user may retry after fixing a permission). */
  alwaysOfferRetry?: boolean;
  /** The connection the operation was about: "Refresh" reloads its gateway, "Retry when it finishes" watches it. */
  connection?: Connection;
  /** A sentence added after the reason. */
  addendum?: string;
  extraActions?: ExtraAction[];
}

/** `what` completes "Could not …". */
export async function showFailure(services: Services, what: string, error: unknown, options: FailureOptions = {}): Promise<void> {
  const failure = describeFailure(what, error, !options.retry ? 'none' : options.alwaysOfferRetry ? 'always' : 'whenSensible');
  services.log.error(failure.message);
  const message = options.addendum ? `${failure.message} ${options.addendum}` : failure.message;
  const extras = options.extraActions ?? [];
  const choice = await services.input.showMessage('error', message, {}, ...failure.actions, ...extras.map((extra) => extra.label));
  if (choice === 'Sign in') {
    await vscode.commands.executeCommand('azureVpn.signIn');
  } else if (choice === 'Refresh') {
    if (options.connection) {
      services.tree.refreshGatewaysOf(options.connection.id);
    } else {
      services.tree.refresh();
    }
  } else if (choice === 'Retry' && options.retry) {
    await options.retry();
  } else if (choice === 'Retry when it finishes' && options.retry) {
    if (options.connection) {
      await waitUntilSettled(services, options.connection);
    }
    await options.retry();
  } else {
    await extras.find((extra) => extra.label === choice)?.run();
  }
}

const pollIntervalMs = 3000;
const settling = /^(Updating|Deleting|Creating|Provisioning|Accepted)$/i;

/** Waits (cancellable) until the connection is no longer busy with another operation. */
async function waitUntilSettled(services: Services, connection: Connection): Promise<void> {
  await withOperationProgress(
    services.input,
    `Waiting for '${connection.name}' to finish its current operation`,
    {
      starting: 'Checking the connection…',
      applying: 'Azure is still working on it…',
      waitingForConnection: 'Waiting for the connection to finish updating…',
    },
    async ({ abortSignal, onProgress }) => {
      const api = await services.azure.getApi();
      for (;;) {
        const current = await api.getConnection(connectionRef(connection));
        if (!settling.test(current.provisioningState)) {
          return;
        }
        onProgress?.('waitingForConnection');
        await sleep(pollIntervalMs, abortSignal);
      }
    },
  );
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      // The user gave up waiting for the other operation: nothing failed, nothing to retry.
      reject(new UserCancelledError());
    });
  });
}
