// How a connection looks in Go to Connection…: its name; status and type; gateway, group,
// subscription and peer — every word the quick pick filters on as the user types. A status read
// from Resource Graph says so.
import { nameFromId } from '../azure/resourceId';
import type { PickItem } from '../ui/pickerItems';
import type { KnownConnection } from './fleetConnections';
import { statusWords } from './treeModel';

export function connectionSearchItems(connections: KnownConnection[], subscriptionNames: ReadonlyMap<string, string>): PickItem<KnownConnection>[] {
  return connections
    .map((connection) => {
      const subscription = subscriptionNames.get(connection.subscriptionId.toLowerCase()) ?? connection.subscriptionId;
      const peer = nameFromId(connection.peerId);
      return {
        label: connection.name,
        description: `${statusWords[connection.status]}${connection.live ? '' : ' (Resource Graph)'} · ${connection.type}`,
        detail: [nameFromId(connection.gatewayId), connection.resourceGroup, subscription, peer && `to ${peer}`].filter(Boolean).join(' · '),
        value: connection,
      };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
}
