// The Create Connection steps a VNet-to-VNet link adds: create its other half too (recommended), on
// the other gateway, with the same key, under a proposed name the user may change.
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
    const connections = await withReadProgress(`Reading the connections of '${peer.name}'…`, () => api.listConnections(peer));
    state.namesOnPeer = { gatewayId: peer.id, names: connections.map((connection) => connection.name) };
  }
  return state.namesOnPeer.names;
}

export function otherHalfSteps(services: Services): WizardStep<Answers>[] {
  const { input } = services;
  return [
    {
      title: 'other half',
      shouldAsk: isLink,
      isAnswered: (state) => state.alsoOtherHalf !== undefined,
      summary: (state) => (state.alsoOtherHalf ? `also created on '${state.peer?.name}', with the same key` : 'only this half'),
      async ask(state, prompt) {
        const peer = state.peer!.name;
        const items = [
          { label: 'Also create the connection on the other gateway (recommended)', description: `On '${peer}', with the same shared key: the tunnel comes up once both exist`, value: true },
          { label: 'Only this half', description: `Create the other half on '${peer}' later, with the same key`, value: false },
        ];
        state.alsoOtherHalf = answered(await input.pickOne(items, { ...prompt, placeHolder: `A VNet-to-VNet link needs a connection on each gateway` }));
      },
    },
    {
      title: 'name of the other half',
      shouldAsk: (state) => isLink(state) && !!state.alsoOtherHalf,
      isAnswered: (state) => !!state.otherHalfName,
      summary: (state) => state.otherHalfName ?? '',
      async ask(state, prompt) {
        const taken = await namesOnPeer(services, state);
        const peer = state.peer!.gateway!;
        const answer = answered(
          await input.askText({
            ...prompt,
            prompt: `Name of the connection on '${peer.name}' (resource group '${peer.resourceGroup}'), the other half of '${state.name}'.`,
            placeHolder: 'Connection name',
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
