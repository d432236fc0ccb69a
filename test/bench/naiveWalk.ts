// The naive alternative the extension is measured against: a plain script on the official SDK, no
// project code, that walks subscriptions → every resource group → its gateways → their connections,
// one request after another.
import { NetworkManagementClient } from '@azure/arm-network';
import { ResourceManagementClient } from '@azure/arm-resources';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { ClientSecretCredential } from '@azure/identity';
import type { EmulatorInfo } from '../emulator/types';

/** Walks the whole estate and returns how many connections it found. */
export async function naiveWalk(info: EmulatorInfo): Promise<number> {
  const credential = new ClientSecretCredential(info.tenantId, info.clientId, info.clientSecret, {
    authorityHost: info.authorityHost,
    disableInstanceDiscovery: true,
  });
  const options = {
    endpoint: info.resourceManagerEndpoint,
    credentials: { scopes: [`${info.resourceManagerAudience.replace(/\/+$/, '')}/.default`] },
  };
  let connections = 0;
  for await (const subscription of new SubscriptionClient(credential, options).subscriptions.list()) {
    const subscriptionId = subscription.subscriptionId ?? '';
    const network = new NetworkManagementClient(credential, subscriptionId, options);
    for await (const group of new ResourceManagementClient(credential, subscriptionId, options).resourceGroups.list()) {
      for await (const gateway of network.virtualNetworkGateways.list(group.name ?? '')) {
        for await (const connection of network.virtualNetworkGateways.listConnections(group.name ?? '', gateway.name ?? '')) {
          if (connection.id) connections++;
        }
      }
    }
  }
  return connections;
}
