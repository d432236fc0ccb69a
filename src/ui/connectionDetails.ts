// The read-only JSON shown by "Show Connection Details": status fields first, then the resource as
// Azure returned it. No vscode import: unit-tested in plain Node.
import type { Connection } from '../azure/model';

/** Property names that hold secrets anywhere in an ARM resource; removed at every depth. */
const secretProperties = new Set(['sharedkey', 'authorizationkey', 'sharedkeys']);

function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutSecrets);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([name]) => !secretProperties.has(name.toLowerCase()))
        .map(([name, inner]) => [name, withoutSecrets(inner)]),
    );
  }
  return value;
}

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
