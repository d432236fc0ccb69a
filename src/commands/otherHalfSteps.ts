// The Create Connection steps a VNet-to-VNet link adds: create its other half too (recommended), on
// the other gateway, with the same key, under a proposed name the user may change.
import * as l10n from '@vscode/l10n';
import { answered, UserCancelledError } from '../ui/cancelled';
import { withReadProgress } from '../ui/progress';
import { maxConnectionNameLength, validateConnectionName } from '../ui/validation';
import type { WizardStep } from '../ui/wizard';
import type { Answers } from './newConnectionAnswers';
import type { Services } from './services';

/** "cn-<other gateway>-<this gateway>", as VNet-to-VNet halves are often named, without the "vgw-" prefixes. */
export function proposedOtherHalfName(gatewayName: string, peerName: string): string {
  const short = (name: string) => name.replace(/^vgw-/i, '');
  return `cn-${short(peerName)}-${short(gatewayName)}`.slice(0, maxConnectionNameLength).replace(/[.-]+$/, '');
}

const isLink = (state: Answers) => state.type === 'Vnet2Vnet' && !!state.peer?.gateway;

async function namesOnPeer(services: Services, state: Answers): Promise<string[]> {
  const peer = state.peer!.gateway!;
  if (state.namesOnPeer?.gatewayId !== peer.id) {
    const api = await services.azure.getApi();
    const connections = await withReadProgress(l10n.t("Reading the connections of '{0}'…", peer.name), () => api.listConnections(peer));
    state.namesOnPeer = { gatewayId: peer.id, names: connections.map((connection) => connection.name) };
  }
  return state.namesOnPeer.names;
}

export function otherHalfSteps(services: Services): WizardStep<Answers>[] {
  const { input } = services;
  return [
    {
      title: l10n.t({ message: 'other half', comment: ['A step of the wizard, in lower case: in its title, and capitalised in the review'] }),
      shouldAsk: isLink,
      isAnswered: (state) => state.alsoOtherHalf !== undefined,
      summary: (state) =>
        state.alsoOtherHalf
          ? l10n.t({ message: "also created on '{0}', with the same key", args: [String(state.peer?.name)], comment: ['The other half of a VNet-to-VNet link, in the review of Create Connection'] })
          : l10n.t({ message: 'only this half', comment: ['The other half of a VNet-to-VNet link, in the review of Create Connection'] }),
      async ask(state, prompt) {
        const peer = state.peer!.name;
        const items = [
          {
            label: l10n.t('Also create the connection on the other gateway (recommended)'),
            description: l10n.t("On '{0}', with the same shared key: the tunnel comes up once both exist", peer),
            value: true,
          },
          { label: l10n.t('Only this half'), description: l10n.t("Create the other half on '{0}' later, with the same key", peer), value: false },
        ];
        state.alsoOtherHalf = answered(await input.pickOne(items, { ...prompt, placeHolder: l10n.t('A VNet-to-VNet link needs a connection on each gateway') }));
      },
    },
    {
      title: l10n.t({ message: 'name of the other half', comment: ['A step of the wizard, in lower case: in its title, and capitalised in the review'] }),
      shouldAsk: (state) => isLink(state) && !!state.alsoOtherHalf,
      isAnswered: (state) => !!state.otherHalfName,
      summary: (state) => state.otherHalfName ?? '',
      async ask(state, prompt) {
        const taken = await namesOnPeer(services, state);
        const peer = state.peer!.gateway!;
        const answer = answered(
          await input.askText({
            ...prompt,
            prompt: l10n.t("Name of the connection on '{0}' (resource group '{1}'), the other half of '{2}'.", peer.name, peer.resourceGroup, String(state.name)),
            placeHolder: l10n.t('Connection name'),
            value: state.otherHalfName ?? proposedOtherHalfName(state.gateway.name, peer.name),
            validate: (value) => validateConnectionName(value, taken),
          }),
        );
        if (!('value' in answer)) throw new UserCancelledError();
        state.otherHalfName = answer.value;
      },
    },
  ];
}
