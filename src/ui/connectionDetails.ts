// The read-only JSON shown by "Show Connection Details": status fields first, then the resource as
// Azure returned it. No vscode import: unit-tested in plain Node.
import { withoutSecrets } from '../azure/mapping';
import type { Connection } from '../azure/model';

export function connectionDetailsJson(connection: Connection): string {
  const summary = {
    name: connection.name,
    connectionType: connection.type,
    connectionStatus: connection.status,
    provisioningState: connection.provisioningState,
    connectionProtocol: connection.protocol,
    peer: connection.peerName,
    ingressBytesTransferred: connection.ingressBytes,
    egressBytesTransferred: connection.egressBytes,
    hasSharedKey: connection.hasSharedKey,
    resourceId: connection.id,
  };
  return `${JSON.stringify({ ...summary, resource: withoutSecrets(connection.raw) }, null, 2)}\n`;
}
