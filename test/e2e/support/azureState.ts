// What Azure (the emulator) holds, read through its control API so a flow checks the outcome, not
// what the extension says. Keys are returned to compare, never to print.
import * as assert from 'assert';
import type { EmulatorControl } from '../../emulator/control';
import type { ResourceState } from '../../emulator/types';
import type { ConnectionPlace } from '../../integration/support/emulator';

export { paris, lyon, type ConnectionPlace } from '../../integration/support/emulator';
export { noKeyIn, sameKey } from '../../integration/support/keyAssertions';

/** Where cn-prod-we-paris and its neighbours show in the Connections tree: subscription → group → gateway. */
export const productionGateway = ['Contoso Networking (Production)', 'rg-vpn.prod(westeurope)_01', 'vgw-prod-we'];

/** The connection as the emulator holds it now, or undefined when it does not exist. */
export async function connectionIn(control: EmulatorControl, place: ConnectionPlace): Promise<ResourceState | undefined> {
  const state = await control.state();
  return state.subscriptions
    .find((subscription) => subscription.subscriptionId === place.subscriptionId)
    ?.resourceGroups.find((group) => group.name === place.resourceGroup)
    ?.connections.find((connection) => connection.name === place.name);
}

/** The key the emulator holds for the connection. */
export async function sharedKeyIn(control: EmulatorControl, place: ConnectionPlace): Promise<string> {
  const key = (await connectionIn(control, place))?.properties.sharedKey;
  assert.ok(typeof key === 'string', `the emulator holds no shared key for ${place.name}`);
  return key;
}

/** Every key the emulator holds, for the secret-hygiene search. */
export async function everySharedKey(control: EmulatorControl): Promise<string[]> {
  const state = await control.state();
  return state.subscriptions.flatMap((subscription) =>
    subscription.resourceGroups.flatMap((group) =>
      group.connections.map((connection) => connection.properties.sharedKey).filter((key): key is string => typeof key === 'string'),
    ),
  );
}
