// A read Azure runs as a long-running operation (BGP routes): a cancellable progress notification;
// cancelling it just ends the command, since a read changes nothing in Azure.
import * as l10n from '@vscode/l10n';
import type { AzureVpnApi } from '../azure/api';
import type { OperationOptions } from '../azure/model';
import { UserCancelledError } from '../ui/cancelled';
import { isStoppedWaiting } from '../ui/failureMessages';
import { withOperationProgress } from '../ui/progress';
import type { Services } from './services';

export async function withLongRead<T>(services: Services, title: string, applying: string, read: (api: AzureVpnApi, options: OperationOptions) => Promise<T>): Promise<T> {
  try {
    return await withOperationProgress(services.input, title, { starting: l10n.t('Asking Azure…'), applying, waitingForConnection: applying }, async (options) =>
      read(await services.azure.getApi(), options),
    );
  } catch (error) {
    if (isStoppedWaiting(error)) throw new UserCancelledError();
    throw error;
  }
}
