// Azure Resource Manager ids: reading their parts, comparing them (ARM's casing varies), and the ids
// the tree gives its nodes (every tree id is an ARM id, qualified where one resource shows twice).
import * as l10n from '@vscode/l10n';
import type { Connection, ConnectionRef, ResourceGroupRef } from './model';

export interface ResourceIdParts {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

/** /subscriptions/{s}/resourceGroups/{g}/providers/{ns}/{type}/{name} */
export function parseResourceId(id: string): ResourceIdParts {
  const match = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/[^/]+\/[^/]+\/([^/]+)/i.exec(id);
  if (!match) {
    throw new Error(l10n.t('Not an Azure resource id: {0}', id));
  }
  return { subscriptionId: match[1], resourceGroup: decodeURIComponent(match[2]), name: decodeURIComponent(match[3]) };
}

/** The last segment of a resource id (the resource's name), or undefined. */
export function nameFromId(id: string | undefined): string | undefined {
  if (!id) return undefined;
  const last = id.split('/').filter(Boolean).pop();
  return last ? decodeURIComponent(last) : undefined;
}

/** ARM ids are case-insensitive, and Azure's own answers mix cases. */
export function sameResourceId(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}

export function connectionRef(connection: Connection): ConnectionRef {
  return { subscriptionId: connection.subscriptionId, resourceGroup: connection.resourceGroup, name: connection.name };
}

export function connectionId(ref: ConnectionRef): string {
  return `${resourceGroupId(ref)}/providers/Microsoft.Network/connections/${ref.name}`;
}

export function subscriptionResourceId(subscriptionId: string): string {
  return `/subscriptions/${subscriptionId}`;
}

export function resourceGroupId(group: ResourceGroupRef | ConnectionRef): string {
  const name = 'resourceGroup' in group ? group.resourceGroup : group.name;
  return `${subscriptionResourceId(group.subscriptionId)}/resourceGroups/${name}`;
}

/** A Vnet2Vnet connection is listed under both its gateways; tree ids must stay unique, so the second place is qualified. */
export function connectionTreeId(connection: Connection, gatewayId: string): string {
  if (!connection.gateway1Id || sameResourceId(connection.gateway1Id, gatewayId)) {
    return connection.id;
  }
  return `${connection.id}#via=${gatewayId}`;
}
