// Reset Connection and Edit Connection as the fault matrix runs them (see userOperations.ts): what a
// normal run answers and shows, and how the emulator and the tree tell whether they took effect.
import * as assert from 'assert';
import { connectionInEmulator, emulator, paris, parisInTree, sharedKeyInEmulator } from './emulator';
import { sameKey } from './keyAssertions';
import { command, connectionReadAgain, nodeShowsAzureState } from './userOperations';

async function tunnelStatus(): Promise<unknown> {
  return (await connectionInEmulator(paris))?.properties.connectionStatus;
}

export const resetConnection = command({
  name: 'Reset Connection',
  connection: paris,
  command: 'azureVpn.resetConnection',
  nodeInTree: parisInTree,
  request: { method: 'POST', pathPattern: '/connections/cn-prod-we-paris/resetconnection$' },
  normalResult: /^Reset 'cn-prod-we-paris': its tunnel negotiates again/,
  effect: 'the tunnel negotiates again',
  noEffect: 'the tunnel stays up',
  answers: (input) => input.choose("Reset the connection 'cn-prod-we-paris'?", 'Reset Connection'),
  // Negotiating long enough for the checks to see it.
  before: async () => void (await emulator().setConfig({ connectDelayMs: 60_000 })),
  readAgain: connectionReadAgain(paris),
  async tookEffect(attempt) {
    assert.strictEqual(await tunnelStatus(), 'Connecting', 'the tunnel did not negotiate again');
    await nodeShowsAzureState(attempt.node, paris);
  },
  async changedNothing(attempt) {
    assert.strictEqual(await tunnelStatus(), 'Connected', 'the tunnel was reset');
    await nodeShowsAzureState(attempt.node, paris);
  },
  stillRunning: (attempt) => nodeShowsAzureState(attempt.node, paris),
});

async function dpdTimeout(): Promise<unknown> {
  return (await connectionInEmulator(paris))?.properties.dpdTimeoutSeconds;
}

export const editConnection = command({
  name: 'Edit Connection',
  connection: paris,
  command: 'azureVpn.editConnection',
  nodeInTree: parisInTree,
  request: { method: 'PUT', pathPattern: '/connections/cn-prod-we-paris$' },
  normalResult: /^Updated 'cn-prod-we-paris': DPD timeout\.$/,
  effect: 'Azure holds the new DPD timeout and the key it had',
  noEffect: 'the DPD timeout in Azure is unchanged',
  answers: (input) => input.pick('review', 'DPD timeout').type('DPD timeout', '30').pick('review', 'Save'),
  before: () => sharedKeyInEmulator(paris),
  readAgain: connectionReadAgain(paris),
  async tookEffect(attempt, key) {
    assert.strictEqual(await dpdTimeout(), 30);
    sameKey(await sharedKeyInEmulator(paris), key, 'the key after the update');
    await nodeShowsAzureState(attempt.node, paris);
  },
  async changedNothing(attempt) {
    assert.strictEqual(await dpdTimeout(), 45);
    await nodeShowsAzureState(attempt.node, paris);
  },
  stillRunning: (attempt) => nodeShowsAzureState(attempt.node, paris),
});
