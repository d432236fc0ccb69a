// Create Connection…: a wizard on a VPN gateway — name, type, the other end, shared key, IKE version,
// review — then the connection is created through the one operation runner and appears under its gateway.
import * as l10n from '@vscode/l10n';
import type { IkeVersion, NewConnection } from '../azure/model';
import { subscriptionFilter } from '../services/settings';
import { subscriptionsInFilter } from '../services/subscriptionFilter';
import type { TreeNode } from '../tree/treeNode';
import { answered, UserCancelledError } from '../ui/cancelled';
import { localNetworkGatewayItems, peerGatewayItems, type PickItem } from '../ui/pickerItems';
import { withReadProgress } from '../ui/progress';
import { validateConnectionName } from '../ui/validation';
import { runWizard, type StepPrompt, type WizardStep } from '../ui/wizard';
import { askNewSharedKey, describeNewKey } from './askSharedKey';
import type { Answers, ConnectionKind, Peer } from './newConnectionAnswers';
import { checkPairKeysOf } from './checkPairKeys';
import { createHalves } from './createHalves';
import { otherHalfSteps } from './otherHalfSteps';
import type { Services } from './services';
import { copySharedKeyToClipboard } from './sharedKeyClipboard';
import { gatewayTarget } from './targets';
import { watchTunnels } from './watchTunnels';

const typeNames = (): Record<ConnectionKind, string> => ({ IPsec: l10n.t('Site-to-site (IPsec)'), Vnet2Vnet: l10n.t('VNet-to-VNet') });

export async function createConnection(services: Services, node?: TreeNode): Promise<void> {
  const gateway = await gatewayTarget(services, node, l10n.t('Create Connection'));
  const api = await services.azure.getApi();
  const existing = await withReadProgress(l10n.t('Reading the gateway’s connections…'), () => api.listConnections(gateway));
  const localGatewaysInUse = new Map(existing.filter((c) => c.type === 'IPsec' && c.peerId).map((c) => [c.peerId!.toLowerCase(), c.name]));
  const answers: Answers = { gateway, existingNames: existing.map((connection) => connection.name), localGatewaysInUse, peerChoices: {} };
  await runWizard(
    {
      title: l10n.t("Create Connection on '{0}'", gateway.name),
      steps: steps(services),
      finish: l10n.t('Create'),
      finishDetail: (state) => l10n.t("in resource group '{0}', {1}", state.gateway.resourceGroup, state.gateway.location),
    },
    answers,
    services.input,
  );
  const specs = specsFrom(answers);
  const key = answers.key!;
  const created = await createHalves(services, specs, key);
  const done =
    created.length > 1
      ? l10n.t("Created '{0}' and its other half '{1}' on '{2}' with the same shared key.", created[0].name, created[1].name, answers.peer!.name)
      : l10n.t("Created the connection '{0}'. Configure the other end with the same shared key.", created[0].name);
  const copyKey = l10n.t('Copy key');
  if ((await services.input.showMessage('info', done, {}, ...(key.generated ? [copyKey] : []))) === copyKey) {
    await copySharedKeyToClipboard(services, created[0], key.sharedKey);
  }
  await watchTunnels(services, created, { checkKeys: (down) => checkPairKeysOf(services, down) });
}

function steps(services: Services): WizardStep<Answers>[] {
  const { input } = services;
  return [
    {
      title: l10n.t({ message: 'name', comment: ['A step of the wizard, in lower case: in its title, and capitalised in the review'] }),
      isAnswered: (state) => !!state.name,
      summary: (state) => state.name ?? '',
      async ask(state, prompt) {
        const answer = answered(
          await input.askText({
            ...prompt,
            prompt: l10n.t('Name of the new connection: 1–80 letters, digits, underscores, periods or hyphens.'),
            placeHolder: l10n.t('Connection name'),
            value: state.name,
            validate: (value) => validateConnectionName(value, state.existingNames),
          }),
        );
        if (!('value' in answer)) throw new UserCancelledError();
        state.name = answer.value;
      },
    },
    {
      title: l10n.t({ message: 'type', comment: ['A step of the wizard, in lower case: in its title, and capitalised in the review'] }),
      isAnswered: (state) => !!state.type,
      summary: (state) => (state.type ? typeNames()[state.type] : ''),
      async ask(state, prompt) {
        const names = typeNames();
        const items: PickItem<ConnectionKind>[] = [
          { label: names.IPsec, description: l10n.t('To an on-premises device (local network gateway)'), value: 'IPsec' },
          { label: names.Vnet2Vnet, description: l10n.t('To another virtual network gateway'), value: 'Vnet2Vnet' },
        ];
        const type = answered(await input.pickOne(items, { ...prompt, placeHolder: l10n.t('Select the connection type') }));
        if (type !== state.type) forgetPeer(state);
        state.type = type;
      },
    },
    {
      title: l10n.t({ message: 'other end', comment: ['A step of the wizard, in lower case: in its title, and capitalised in the review'] }),
      isAnswered: (state) => !!state.peer,
      summary: (state) => state.peer?.name ?? '',
      async ask(state, prompt) {
        const type = state.type ?? 'IPsec';
        const items = (state.peerChoices[type] ??= await peerChoices(services, state, type));
        if (items.length === 0) {
          const empty =
            type === 'IPsec'
              ? l10n.t('No local network gateways in {0} in this subscription. Create one for the on-premises device first.', state.gateway.location)
              : l10n.t('No other VPN gateway in your subscriptions to connect to.');
          void input.showMessage('info', empty, {});
          throw new UserCancelledError();
        }
        const placeHolder = type === 'IPsec' ? l10n.t('Select the local network gateway (the on-premises device)') : l10n.t('Select the virtual network gateway at the other end');
        const peer = answered(await input.pickOne(items, { ...prompt, placeHolder }));
        if (peer.id !== state.peer?.id) forgetPeer(state);
        state.peer = peer;
      },
    },
    ...otherHalfSteps(services),
    {
      title: l10n.t({ message: 'shared key', comment: ['A step of the wizard, in lower case: in its title, and capitalised in the review'] }),
      isAnswered: (state) => !!state.key,
      summary: (state) => (state.key ? describeNewKey(state.key) : ''),
      async ask(state, prompt: StepPrompt) {
        state.key = await askNewSharedKey(input, prompt.title, prompt.canGoBack);
      },
    },
    {
      title: l10n.t({ message: 'IKE version', comment: ['A step of the wizard, in lower case: in its title, and capitalised in the review'] }),
      isAnswered: (state) => !!state.ikeVersion,
      summary: (state) => state.ikeVersion ?? '',
      async ask(state, prompt) {
        const items: PickItem<IkeVersion>[] = [
          { label: 'IKEv2', description: l10n.t('Recommended'), value: 'IKEv2' },
          { label: 'IKEv1', description: l10n.t('For older peer devices'), value: 'IKEv1' },
        ];
        state.ikeVersion = answered(await input.pickOne(items, { ...prompt, placeHolder: l10n.t('Select the IKE version the peer device speaks') }));
      },
    },
  ];
}

function forgetPeer(state: Answers): void {
  state.peer = undefined;
  state.alsoOtherHalf = undefined;
  state.otherHalfName = undefined;
}

async function peerChoices(services: Services, state: Answers, type: ConnectionKind): Promise<PickItem<Peer>[]> {
  const { gateway } = state;
  const api = await services.azure.getApi();
  if (type === 'IPsec') {
    const locals = await withReadProgress(l10n.t('Reading local network gateways…'), () => api.listLocalNetworkGateways(gateway.subscriptionId));
    return localNetworkGatewayItems(locals, gateway, state.localGatewaysInUse).map((item) => ({ ...item, value: { id: item.value.id, name: item.value.name } }));
  }
  const gateways = await withReadProgress(l10n.t('Reading your virtual network gateways…'), async () => {
    const subscriptions = subscriptionsInFilter(await api.listSubscriptions(), subscriptionFilter());
    return (await Promise.all(subscriptions.map((subscription) => api.listAllGateways(subscription.subscriptionId)))).flat();
  });
  return peerGatewayItems(gateways, gateway).map((item) => ({ ...item, value: { id: item.value.id, name: item.value.name, gateway: item.value } }));
}

function specsFrom(answers: Answers): NewConnection[] {
  const { gateway } = answers;
  const first: NewConnection = {
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
  const peer = answers.peer?.gateway;
  if (answers.type !== 'Vnet2Vnet' || !answers.alsoOtherHalf || !peer) return [first];
  const second = { ...first, subscriptionId: peer.subscriptionId, resourceGroup: peer.resourceGroup, name: answers.otherHalfName!, location: peer.location, gatewayId: peer.id, peerId: gateway.id };
  return [first, second];
}
