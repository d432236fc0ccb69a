// The other half of a VNet-to-VNet link. A link is two connection resources, one on each gateway,
// which must hold the same shared key: for C, the other half is the connection M with
// M.virtualNetworkGateway1 = C.virtualNetworkGateway2 and M.virtualNetworkGateway2 = C.virtualNetworkGateway1,
// found in the other gateway's connection list (ids compared case-insensitively: Azure's casing varies).
import * as l10n from '@vscode/l10n';
import type { AzureVpnApi } from './api';
import { AzureError } from './errors';
import type { Connection, VirtualNetworkGateway } from './model';
import { nameFromId, parseResourceId, sameResourceId } from './resourceId';

export type OtherHalf =
  | { found: 'one'; connection: Connection; gatewayName: string }
  | { found: 'none'; reason: string }
  | { found: 'several'; connections: Connection[]; gatewayName: string };

export function isOtherHalf(candidate: Connection, of: Connection): boolean {
  return (
    candidate.type === 'Vnet2Vnet' &&
    !sameResourceId(candidate.id, of.id) &&
    sameResourceId(candidate.gateway1Id, of.peerId) &&
    sameResourceId(candidate.peerId, of.gateway1Id)
  );
}

/** The gateway a Vnet2Vnet connection leads to, as listConnections takes it. */
function otherGateway(connection: Connection): VirtualNetworkGateway | undefined {
  if (connection.type !== 'Vnet2Vnet' || !connection.peerId) return undefined;
  const { subscriptionId, resourceGroup, name } = parseResourceId(connection.peerId);
  return { id: connection.peerId, name, subscriptionId, resourceGroup, location: '', kind: 'Vpn', activeActive: false };
}

/** Why the other half does not show; completes "no other half: …" and "No other half of 'x' is visible: …". */
export function notVisible(): string {
  return l10n.t({ message: 'not created, or in a subscription you cannot read', comment: ['Why the other half of a VNet-to-VNet link is not shown; completes "no other half: {0}"'] });
}

/** Looks for the other half through the other gateway's connections (in its own subscription, with its tenant's token). */
export async function findOtherHalf(api: AzureVpnApi, connection: Connection): Promise<OtherHalf> {
  const gateway = otherGateway(connection);
  if (!gateway) return { found: 'none', reason: l10n.t({ message: 'not a VNet-to-VNet connection', comment: ['Why a connection has no other half; completes "no other half: {0}"'] }) };
  let candidates: Connection[];
  try {
    candidates = await api.listConnections(gateway);
  } catch (error) {
    if (error instanceof AzureError && ['forbidden', 'notFound', 'notSignedIn'].includes(error.kind)) {
      return { found: 'none', reason: `${notVisible()} (${gateway.name}: ${error.message})` };
    }
    throw error;
  }
  const halves = candidates.filter((candidate) => isOtherHalf(candidate, connection));
  const gatewayName = nameFromId(connection.peerId) ?? gateway.name;
  if (halves.length === 1) return { found: 'one', connection: halves[0], gatewayName };
  if (halves.length === 0) return { found: 'none', reason: notVisible() };
  return { found: 'several', connections: halves, gatewayName };
}
