// Create Connection…: a wizard on a VPN gateway — name, type, the other end, shared key, IKE version,
// review — then the connection is created through the one operation runner and appears under its gateway.
import type { IkeVersion, NewConnection, VirtualNetworkGateway } from '../azure/model';
import { connectionId } from '../azure/resourceId';
import { subscriptionFilter } from '../services/settings';
import { subscriptionsInFilter } from '../services/subscriptionFilter';
import type { TreeNode } from '../tree/treeNode';
import { answered, UserCancelledError } from '../ui/cancelled';
import { isStoppedWaiting } from '../ui/failureMessages';
import { localNetworkGatewayItems, peerGatewayItems, type PickItem } from '../ui/pickerItems';
import { withReadProgress } from '../ui/progress';
import { validateConnectionName } from '../ui/validation';
import { runWizard, type StepPrompt, type WizardStep } from '../ui/wizard';
import { askNewSharedKey, describeNewKey, type NewSharedKey } from './askSharedKey';
import { runConnectionOperation } from './connectionOperation';
import { attempt, CommandFailure } from './failures';
import type { Services } from './services';
import { copySharedKeyToClipboard } from './sharedKeyClipboard';
import { gatewayTarget } from './targets';

type ConnectionKind = 'IPsec' | 'Vnet2Vnet';

interface Answers {
  gateway: VirtualNetworkGateway;
  existingNames: string[];
  name?: string;
  type?: ConnectionKind;
  /** The local network gateway (IPsec) or the other virtual network gateway (Vnet2Vnet). */
  peer?: { id: string; name: string };
  /** What can be picked as the other end, read once per type. */
  peerChoices: Partial<Record<ConnectionKind, PickItem<{ id: string; name: string }>[]>>;
  key?: NewSharedKey;
  ikeVersion?: IkeVersion;
}

const typeNames: Record<ConnectionKind, string> = { IPsec: 'Site-to-site (IPsec)', Vnet2Vnet: 'VNet-to-VNet' };

export async function createConnection(services: Services, node?: TreeNode): Promise<void> {
  const gateway = await gatewayTarget(services, node, 'Create Connection');
  const api = await services.azure.getApi();
  const existing = await withReadProgress('Reading the gateway’s connections…', () => api.listConnections(gateway));
  const answers: Answers = { gateway, existingNames: existing.map((connection) => connection.name), peerChoices: {} };
  await runWizard(
    { title: `Create Connection on '${gateway.name}'`, steps: steps(services), finish: 'Create', finishDetail: (state) => `in resource group '${state.gateway.resourceGroup}', ${state.gateway.location}` },
    answers,
    services.input,
  );
  await create(services, specFrom(answers), answers.key!);
}

function steps(services: Services): WizardStep<Answers>[] {
  const { input } = services;
  return [
    {
      title: 'name',
      isAnswered: (state) => !!state.name,
      summary: (state) => state.name ?? '',
      async ask(state, prompt) {
        const answer = answered(
          await input.askText({
            ...prompt,
            prompt: 'Name of the new connection: 1–80 letters, digits, underscores, periods or hyphens.',
            placeHolder: 'Connection name',
            value: state.name,
            validate: (value) => validateConnectionName(value, state.existingNames),
          }),
        );
        if (!('value' in answer)) throw new UserCancelledError();
        state.name = answer.value;
      },
    },
    {
      title: 'type',
      isAnswered: (state) => !!state.type,
      summary: (state) => (state.type ? typeNames[state.type] : ''),
      async ask(state, prompt) {
        const items: PickItem<ConnectionKind>[] = [
          { label: typeNames.IPsec, description: 'To an on-premises device (local network gateway)', value: 'IPsec' },
          { label: typeNames.Vnet2Vnet, description: 'To another virtual network gateway', value: 'Vnet2Vnet' },
        ];
        const type = answered(await input.pickOne(items, { ...prompt, placeHolder: 'Select the connection type' }));
        if (type !== state.type) state.peer = undefined;
        state.type = type;
      },
    },
    {
      title: 'other end',
      isAnswered: (state) => !!state.peer,
      summary: (state) => state.peer?.name ?? '',
      async ask(state, prompt) {
        const type = state.type ?? 'IPsec';
        const items = (state.peerChoices[type] ??= await peerChoices(services, state.gateway, type));
        if (items.length === 0) {
          const empty = type === 'IPsec' ? 'No local network gateways in this subscription. Create one for the on-premises device first.' : 'No other VPN gateway in your subscriptions to connect to.';
          void input.showMessage('info', empty, {});
          throw new UserCancelledError();
        }
        const placeHolder = type === 'IPsec' ? 'Select the local network gateway (the on-premises device)' : 'Select the virtual network gateway at the other end';
        state.peer = answered(await input.pickOne(items, { ...prompt, placeHolder }));
      },
    },
    {
      title: 'shared key',
      isAnswered: (state) => !!state.key,
      summary: (state) => (state.key ? describeNewKey(state.key) : ''),
      async ask(state, prompt: StepPrompt) {
        state.key = await askNewSharedKey(input, prompt.title, prompt.canGoBack);
      },
    },
    {
      title: 'IKE version',
      isAnswered: (state) => !!state.ikeVersion,
      summary: (state) => state.ikeVersion ?? '',
      async ask(state, prompt) {
        const items: PickItem<IkeVersion>[] = [
          { label: 'IKEv2', description: 'Recommended', value: 'IKEv2' },
          { label: 'IKEv1', description: 'For older peer devices', value: 'IKEv1' },
        ];
        state.ikeVersion = answered(await input.pickOne(items, { ...prompt, placeHolder: 'Select the IKE version the peer device speaks' }));
      },
    },
  ];
}

async function peerChoices(services: Services, gateway: VirtualNetworkGateway, type: ConnectionKind): Promise<PickItem<{ id: string; name: string }>[]> {
  const api = await services.azure.getApi();
  if (type === 'IPsec') {
    const locals = await withReadProgress('Reading local network gateways…', () => api.listLocalNetworkGateways(gateway.subscriptionId));
    return localNetworkGatewayItems(locals, gateway).map((item) => ({ ...item, value: { id: item.value.id, name: item.value.name } }));
  }
  const gateways = await withReadProgress('Reading your virtual network gateways…', async () => {
    const subscriptions = subscriptionsInFilter(await api.listSubscriptions(), subscriptionFilter());
    return (await Promise.all(subscriptions.map((subscription) => api.listAllGateways(subscription.subscriptionId)))).flat();
  });
  return peerGatewayItems(gateways, gateway).map((item) => ({ ...item, value: { id: item.value.id, name: item.value.name } }));
}

function specFrom(answers: Answers): NewConnection {
  const { gateway } = answers;
  return {
    subscriptionId: gateway.subscriptionId,
    resourceGroup: gateway.resourceGroup,
    name: answers.name!,
    location: gateway.location,
    gatewayId: gateway.id,
    type: answers.type!,
    peerId: answers.peer!.id,
    sharedKey: answers.key!.sharedKey,
    ikeVersion: answers.ikeVersion!,
  };
}

async function create(services: Services, spec: NewConnection, key: NewSharedKey): Promise<void> {
  const target = { id: connectionId(spec), name: spec.name };
  const copyKey = { label: 'Copy key', run: () => copySharedKeyToClipboard(services, target, spec.sharedKey) };
  const failure = { what: `create the connection '${spec.name}'`, stillRunning: `creating '${spec.name}'`, extraActions: key.generated ? [copyKey] : [] };
  await attempt(failure, async () => {
    try {
      await runConnectionOperation(services, {
        target,
        activity: 'Creating…',
        title: `Creating the connection '${spec.name}'`,
        phases: { starting: 'Creating…', applying: 'Azure is creating the connection…', waitingForConnection: 'Waiting for the connection to finish provisioning…' },
        audit: { what: 'created connection with shared key', connectionId: target.id, keyLength: spec.sharedKey.length },
        perform: async (api, options) => void (await api.createConnection(spec, options)),
        // A creation that failed late can leave the connection behind in Azure: show what is there.
        afterwards: () => services.tree.refreshGatewaysOf(target.id, spec.gatewayId, spec.peerId),
      });
    } catch (error) {
      if (!isStoppedWaiting(error)) throw error;
      // Azure may still create it with this key: hold the key like a half-finished rotation.
      await services.heldKeys.hold({ connectionId: target.id, connectionName: spec.name, ref: { subscriptionId: spec.subscriptionId, resourceGroup: spec.resourceGroup, name: spec.name }, sharedKey: spec.sharedKey });
      throw new CommandFailure(error, { ...failure, extraActions: [], addendum: "Its shared key is kept in VS Code's secret storage until you discard it." });
    }
    const done = `Created the connection '${spec.name}'. Configure the other end with the same shared key.`;
    if ((await services.input.showMessage('info', done, {}, ...(key.generated ? ['Copy key'] : []))) === 'Copy key') {
      await copyKey.run();
    }
  });
}
