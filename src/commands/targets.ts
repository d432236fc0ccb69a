// What a command works on: the tree node it was started from, or, from the palette, what the user
// picks level by level (subscription → resource group → gateway → connection).
import type { Connection, ResourceGroupRef, Subscription, VirtualNetworkGateway } from '../azure/model';
import { ConnectionNode } from '../tree/connectionNode';
import { GatewayNode } from '../tree/gatewayNode';
import { ResourceGroupNode } from '../tree/resourceGroupNode';
import { SubscriptionNode } from '../tree/subscriptionNode';
import type { TreeNode } from '../tree/treeNode';
import {
  connectionItems,
  gatewayItems,
  resourceGroupItems,
  subscriptionItems,
  subscriptionsInFilter,
  type PickItem,
} from '../ui/pickerItems';
import { withReadProgress } from '../ui/progress';
import { subscriptionFilter } from '../ui/settings';
import { answered, UserCancelledError, type Services } from './services';

export interface ConnectionChoice {
  /** Connection commands on a key: only connections that have a shared key are offered. */
  withSharedKey: boolean;
  title: string;
}

export interface GatewayChoice {
  /** Only VPN gateways (Create Connection, key commands). */
  onlyVpn: boolean;
  title: string;
}

/** Loads a level, says so when it is empty, and lets the user pick one item. */
async function pickLevel<T>(services: Services, title: string, placeHolder: string, empty: string, load: () => Promise<PickItem<T>[]>): Promise<T> {
  const items = await withReadProgress(`${title}: loading…`, load);
  if (items.length === 0) {
    void services.input.showMessage('info', empty, {});
    throw new UserCancelledError();
  }
  return answered(await services.input.pickOne(items, { title, placeHolder }));
}

export async function pickSubscription(services: Services, title: string): Promise<Subscription> {
  return pickLevel(services, title, 'Select a subscription', 'No subscriptions to choose from. Check the subscription filter and sign-in.', async () => {
    const api = await services.azure.getApi();
    return subscriptionItems(subscriptionsInFilter(await api.listSubscriptions(), subscriptionFilter()));
  });
}

async function pickResourceGroup(services: Services, title: string, subscriptionId: string): Promise<ResourceGroupRef> {
  return pickLevel(services, title, 'Select a resource group', 'No resource groups with gateways in this subscription.', async () => {
    const api = await services.azure.getApi();
    return resourceGroupItems(await api.listGatewayResourceGroups(subscriptionId));
  });
}

async function pickGateway(services: Services, choice: GatewayChoice, group: ResourceGroupRef): Promise<VirtualNetworkGateway> {
  const empty = choice.onlyVpn ? `No VPN gateways in the group '${group.name}'.` : `No gateways in the group '${group.name}'.`;
  return pickLevel(services, choice.title, 'Select a virtual network gateway', empty, async () => {
    const api = await services.azure.getApi();
    return gatewayItems(await api.listGateways(group), choice.onlyVpn);
  });
}

async function pickConnection(services: Services, choice: ConnectionChoice, gateway: VirtualNetworkGateway): Promise<Connection> {
  const empty = choice.withSharedKey
    ? `No connections with a shared key on the gateway '${gateway.name}'.`
    : `No connections on the gateway '${gateway.name}'.`;
  return pickLevel(services, choice.title, 'Select a connection', empty, async () => {
    const api = await services.azure.getApi();
    return connectionItems(await api.listConnections(gateway), choice.withSharedKey);
  });
}

/** A gateway: the node's, or picked starting at the level of the node the command was started on. */
export async function gatewayTarget(services: Services, node: TreeNode | undefined, choice: GatewayChoice): Promise<VirtualNetworkGateway> {
  if (node instanceof GatewayNode) {
    return node.gateway;
  }
  const group =
    node instanceof ResourceGroupNode
      ? node.group
      : await pickResourceGroup(
          services,
          choice.title,
          node instanceof SubscriptionNode ? node.subscription.subscriptionId : (await pickSubscription(services, choice.title)).subscriptionId,
        );
  return pickGateway(services, choice, group);
}

/** A connection: the node's, or picked level by level. */
export async function connectionTarget(services: Services, node: TreeNode | undefined, choice: ConnectionChoice): Promise<Connection> {
  if (node instanceof ConnectionNode) {
    return node.connection;
  }
  const gateway = await gatewayTarget(services, node, { onlyVpn: choice.withSharedKey, title: choice.title });
  return pickConnection(services, choice, gateway);
}
