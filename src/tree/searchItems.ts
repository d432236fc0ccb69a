// How a connection looks in Go to Connection…: its name; status and type; gateway, group,
// subscription and peer — every word the quick pick filters on as the user types. A status read
// from Resource Graph says so.
import * as l10n from '@vscode/l10n';
import { nameFromId } from '../azure/resourceId';
import type { PickItem } from '../ui/pickerItems';
import type { KnownConnection } from './fleetConnections';
import { statusWord } from './treeModel';

export function connectionSearchItems(connections: KnownConnection[], subscriptionNames: ReadonlyMap<string, string>): PickItem<KnownConnection>[] {
  return connections
    .map((connection) => {
      const subscription = subscriptionNames.get(connection.subscriptionId.toLowerCase()) ?? connection.subscriptionId;
      const peer = nameFromId(connection.peerId);
      const status = connection.live ? statusWord(connection.status) : l10n.t({ message: '{0} (Resource Graph)', args: [statusWord(connection.status)], comment: ['A connection status as Azure Resource Graph last indexed it'] });
      return {
        label: connection.name,
        description: `${status} · ${connection.type}`,
        detail: [nameFromId(connection.gatewayId), connection.resourceGroup, subscription, peer && l10n.t({ message: 'to {0}', args: [peer], comment: ['{0} is the peer a connection leads to'] })].filter(Boolean).join(' · '),
        value: connection,
      };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
}
