// Reads a connection's shared key on demand (never cached), leaving an audit line either way.
import { AzureError } from '../azure/errors';
import type { Connection } from '../azure/model';
import { connectionRef } from '../tree/connectionNode';
import type { KeyOperation } from '../ui/audit';
import { withReadProgress } from '../ui/progress';
import { showFailure } from './failures';
import type { Services } from './services';

/** The key, or undefined when reading failed (the failure was shown, with a retry that runs `again`). */
export async function readSharedKey(
  services: Services,
  connection: Connection,
  purpose: KeyOperation,
  again: () => Promise<void>,
): Promise<string | undefined> {
  const audit = (result: 'succeeded' | `failed (${string})`, keyLength?: number) =>
    services.log.audit({ who: services.azure.who(), what: purpose, connectionId: connection.id, result, keyLength });
  try {
    const api = await services.azure.getApi();
    const sharedKey = await withReadProgress(`Reading the shared key of '${connection.name}'…`, () =>
      api.getSharedKey(connectionRef(connection)),
    );
    audit('succeeded', sharedKey.length);
    return sharedKey;
  } catch (error) {
    audit(`failed (${error instanceof AzureError ? error.kind : 'error'})`);
    await showFailure(services, `read the shared key of '${connection.name}'`, error, { connection, retry: again });
    return undefined;
  }
}
