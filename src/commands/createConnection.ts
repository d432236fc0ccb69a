// Create Connection…: a short wizard on a VPN gateway — name, type, the other end, shared key, IKE
// version — then the connection is created with progress and appears under its gateway.
import type { AzureVpnApi } from '../azure/api';
import type { IkeVersion, NewConnection, VirtualNetworkGateway } from '../azure/model';
import type { TreeNode } from '../tree/treeNode';
import { localNetworkGatewayItems, peerGatewayItems, subscriptionsInFilter, type PickItem } from '../ui/pickerItems';
import { withOperationProgress, withReadProgress } from '../ui/progress';
import { subscriptionFilter } from '../ui/settings';
import { validateConnectionName } from '../ui/validation';
import { describeStoppedWaiting, isStoppedWaiting } from '../ui/failureMessages';
import { AzureError } from '../azure/errors';
import { askNewSharedKey, type NewSharedKey } from './askSharedKey';
import { showFailure } from './failures';
import { answered, UserCancelledError, type Services } from './services';
import { copySharedKeyToClipboard } from './sharedKeyClipboard';
import { gatewayTarget } from './targets';

const title = 'Create Connection';

export async function createConnection(services: Services, node?: TreeNode): Promise<void> {
  const gateway = await gatewayTarget(services, node, { onlyVpn: true, title });
  if (gateway.kind !== 'Vpn') {
    void services.input.showMessage('info', `'${gateway.name}' is not a VPN gateway; IPsec and VNet-to-VNet connections need one.`, {});
    return;
  }
  const api = await services.azure.getApi();
  const existing = await withReadProgress('Reading the gateway’s connections…', () => api.listConnections(gateway));
  const name = answered(
    await services.input.askText({
      title: `${title} on '${gateway.name}' (1/5)`,
      prompt: 'Name of the new connection: 1–80 letters, digits, underscores, periods or hyphens.',
      placeHolder: 'Connection name',
      validate: (value) => validateConnectionName(value, existing.map((connection) => connection.name)),
    }),
  );
  if (!('value' in name)) {
    throw new UserCancelledError();
  }
  const type = await pickType(services, gateway);
  const peerId = type === 'IPsec' ? await pickLocalNetworkGateway(services, api, gateway) : await pickPeerGateway(services, api, gateway);
  const key = await askNewSharedKey(services.input, `${title} '${name.value}': shared key (4/5)`);
  const ikeVersion = answered(
    await services.input.pickOne<IkeVersion>(
      [
        { label: 'IKEv2', description: 'Recommended', value: 'IKEv2' },
        { label: 'IKEv1', description: 'For older peer devices', value: 'IKEv1' },
      ],
      { title: `${title} '${name.value}': IKE version (5/5)`, placeHolder: 'Select the IKE version the peer device speaks' },
    ),
  );
  const spec: NewConnection = {
    subscriptionId: gateway.subscriptionId,
    resourceGroup: gateway.resourceGroup,
    name: name.value,
    location: gateway.location,
    gatewayId: gateway.id,
    type,
    peerId,
    sharedKey: key.sharedKey,
    ikeVersion,
  };
  await create(services, spec, key);
}

async function pickType(services: Services, gateway: VirtualNetworkGateway): Promise<'IPsec' | 'Vnet2Vnet'> {
  return answered(
    await services.input.pickOne<'IPsec' | 'Vnet2Vnet'>(
      [
        { label: 'Site-to-site (IPsec)', description: 'To an on-premises device (local network gateway)', value: 'IPsec' },
        { label: 'VNet-to-VNet', description: 'To another virtual network gateway', value: 'Vnet2Vnet' },
      ],
      { title: `${title} on '${gateway.name}': type (2/5)`, placeHolder: 'Select the connection type' },
    ),
  );
}

async function pickLocalNetworkGateway(services: Services, api: AzureVpnApi, gateway: VirtualNetworkGateway): Promise<string> {
  const locals = await withReadProgress('Reading local network gateways…', () => api.listLocalNetworkGateways(gateway.subscriptionId));
  return pickPeer(
    services,
    localNetworkGatewayItems(locals, gateway).map((item) => ({ ...item, value: item.value.id })),
    `No local network gateways in this subscription. Create one for the on-premises device first.`,
    'Select the local network gateway (the on-premises device)',
  );
}

async function pickPeerGateway(services: Services, api: AzureVpnApi, gateway: VirtualNetworkGateway): Promise<string> {
  const gateways = await withReadProgress('Reading your virtual network gateways…', async () => {
    const subscriptions = subscriptionsInFilter(await api.listSubscriptions(), subscriptionFilter());
    return (await Promise.all(subscriptions.map((subscription) => api.listAllGateways(subscription.subscriptionId)))).flat();
  });
  return pickPeer(
    services,
    peerGatewayItems(gateways, gateway).map((item) => ({ ...item, value: item.value.id })),
    'No other VPN gateway in your subscriptions to connect to.',
    'Select the virtual network gateway at the other end',
  );
}

async function pickPeer(services: Services, items: PickItem<string>[], empty: string, placeHolder: string): Promise<string> {
  if (items.length === 0) {
    void services.input.showMessage('info', empty, {});
    throw new UserCancelledError();
  }
  return answered(await services.input.pickOne(items, { title: `${title}: other end (3/5)`, placeHolder }));
}

async function create(services: Services, spec: NewConnection, key: NewSharedKey): Promise<void> {
  const connectionId = `/subscriptions/${spec.subscriptionId}/resourceGroups/${spec.resourceGroup}/providers/Microsoft.Network/connections/${spec.name}`;
  const audit = (result: 'succeeded' | 'stopped waiting' | `failed (${string})`) =>
    services.log.audit({ who: services.azure.who(), what: 'created connection with shared key', connectionId, result, keyLength: spec.sharedKey.length });
  try {
    const api = await services.azure.getApi();
    const created = await withOperationProgress(
      services.input,
      `Creating the connection '${spec.name}'`,
      {
        starting: 'Creating…',
        applying: 'Azure is creating the connection…',
        waitingForConnection: 'Waiting for the connection to finish provisioning…',
      },
      (options) => api.createConnection(spec, options),
    );
    audit('succeeded');
    services.tree.refreshGatewaysOf(created.id, spec.gatewayId, spec.peerId);
    const done = `Created the connection '${spec.name}'. Configure the other end with the same shared key.`;
    if ((await services.input.showMessage('info', done, {}, ...(key.generated ? ['Copy key'] : []))) === 'Copy key') {
      await copySharedKeyToClipboard(services, created, spec.sharedKey);
    }
  } catch (error) {
    if (isStoppedWaiting(error)) {
      audit('stopped waiting');
      // Azure may still create it with this key: hold the key like a half-finished rotation.
      await services.heldKeys.hold({
        connectionId,
        connectionName: spec.name,
        ref: { subscriptionId: spec.subscriptionId, resourceGroup: spec.resourceGroup, name: spec.name },
        sharedKey: spec.sharedKey,
      });
      services.tree.refreshGatewaysOf(connectionId, spec.gatewayId);
      void services.input.showMessage('info', `${describeStoppedWaiting(`creating '${spec.name}'`)} Its shared key is kept in VS Code's secret storage until you discard it.`, {});
      return;
    }
    audit(`failed (${error instanceof AzureError ? error.kind : 'error'})`);
    // A creation that failed late can leave the connection behind in Azure: show what is there.
    services.tree.refreshGatewaysOf(connectionId, spec.gatewayId);
    await showFailure(services, `create the connection '${spec.name}'`, error, {
      retry: () => create(services, spec, key),
      extraActions: key.generated ? [{ label: 'Copy key', run: () => copySharedKeyToClipboard(services, { id: connectionId, name: spec.name }, spec.sharedKey) }] : [],
    });
  }
}
