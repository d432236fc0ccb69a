// The read-only JSON shown by "Show Connection Details": status fields first, then the resource as
// Azure returned it. No vscode import: unit-tested in plain Node.
import { withoutSecrets } from '../azure/mapping';
import type { Connection } from '../azure/model';
import type { OtherHalf } from '../azure/otherHalf';

export function connectionDetailsJson(connection: Connection, otherHalf?: OtherHalf): string {
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
    ...(otherHalf ? { otherHalf: otherHalfSummary(otherHalf) } : {}),
  };
  return `${JSON.stringify({ ...summary, resource: withoutSecrets(connection.raw) }, null, 2)}\n`;
}

/** Both halves of a VNet-to-VNet link named in one document. */
function otherHalfSummary(otherHalf: OtherHalf): unknown {
  if (otherHalf.found === 'one') {
    const { connection } = otherHalf;
    return { name: connection.name, gateway: otherHalf.gatewayName, connectionStatus: connection.status, resourceId: connection.id };
  }
  if (otherHalf.found === 'several') return { several: otherHalf.connections.map((connection) => connection.id), gateway: otherHalf.gatewayName };
  return { none: otherHalf.reason };
}
