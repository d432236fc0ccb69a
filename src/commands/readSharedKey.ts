// Reads a connection's shared key on demand (never cached), leaving an audit line either way.
import * as l10n from '@vscode/l10n';
import type { Connection } from '../azure/model';
import { connectionRef } from '../azure/resourceId';
import type { KeyOperation } from '../services/audit';
import { withReadProgress } from '../ui/progress';
import { writeAudit, type FailureContext } from './failures';
import type { Services } from './services';

export async function readSharedKey(services: Services, connection: Connection, purpose: KeyOperation): Promise<string> {
  const subject = { what: purpose, connectionId: connection.id };
  try {
    const api = await services.azure.getApi();
    const sharedKey = await withReadProgress(l10n.t("Reading the shared key of '{0}'…", connection.name), () => api.getSharedKey(connectionRef(connection)));
    writeAudit(services, { ...subject, keyLength: sharedKey.length });
    return sharedKey;
  } catch (error) {
    writeAudit(services, subject, error);
    throw error;
  }
}

/** What a failed read of the key says, and where Refresh and Retry apply. */
export function readingKeyOf(connection: Connection): Omit<FailureContext, 'retry'> {
  return { what: l10n.t({ message: "read the shared key of '{0}'", args: [connection.name], comment: ['Completes "Could not …." in a failure message'] }), connection };
}
