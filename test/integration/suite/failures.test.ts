// Nothing lost on a half-finished rotation: a key Azure did not take is kept to copy, retry or discard.
// What the user sees for each Azure failure is in faultMatrix.test.ts.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { emulator, paris, parisInTree, sharedKeyInEmulator } from '../support/emulator';
import { contextTokensOf, descriptionOf, nodeAt, runCommand } from '../support/extensionUnderTest';
import { sameKey } from '../support/keyAssertions';
import { TestUserInput } from '../support/testUserInput';

const sharedKeyPath = '/connections/cn-prod-we-paris/sharedkey$';

function parisNode() {
  return nodeAt(...parisInTree);
}

describe('Failures: nothing lost on a half-finished rotation', () => {
  beforeEach(async () => {
    await emulator().reset();
    await vscode.env.clipboard.writeText('');
  });

  it('a set that fails keeps the chosen key: copy it, then retry it later from the node', async () => {
    const before = await sharedKeyInEmulator(paris);
    const chosen = 'Key the user chose 4 the peer';
    await emulator().addFault({ method: 'PUT', pathPattern: sharedKeyPath, lroOutcome: 'Failed' });
    const input = await runCommand(
      'azureVpn.setSharedKey',
      new TestUserInput()
        .type('Set Shared Key', chosen)
        .choose('Set a new shared key', 'Set Key')
        .choose("Could not set the shared key of 'cn-prod-we-paris'", 'Copy key'),
      await parisNode(),
    );
    const [failure] = input.messages.filter((shown) => shown.severity === 'error');
    assert.match(failure.message, /kept in VS Code's secret storage/);
    assert.deepStrictEqual(failure.actions, ['Retry', 'Copy key', 'Discard']);
    sameKey(await vscode.env.clipboard.readText(), chosen, 'the clipboard');
    sameKey(await sharedKeyInEmulator(paris), before, 'the key in Azure');
    const node = await parisNode();
    assert.ok(contextTokensOf(node).includes('heldKey'), 'the node does not show the held key');
    assert.match(descriptionOf(node), /unsaved key held/);

    await runCommand(
      'azureVpn.recoverSharedKey',
      new TestUserInput().choose("A shared key you chose for 'cn-prod-we-paris'", 'Retry'),
      await parisNode(),
    );
    sameKey(await sharedKeyInEmulator(paris), chosen, 'the key in Azure after the retry');
    assert.ok(!contextTokensOf(await parisNode()).includes('heldKey'), 'the key is still held after it was set');
  });

  it('a held key the user discards is gone', async () => {
    await emulator().addFault({ method: 'PUT', pathPattern: sharedKeyPath, status: 400, errorCode: 'InvalidRequestFormat' });
    await runCommand(
      'azureVpn.setSharedKey',
      new TestUserInput().press('Set Shared Key', 'generate').choose('Set a new shared key', 'Set Key').choose('Could not set the shared key', 'Discard'),
      await parisNode(),
    );
    assert.ok(!contextTokensOf(await parisNode()).includes('heldKey'), 'the discarded key is still held');
    const input = await runCommand('azureVpn.recoverSharedKey', new TestUserInput(), await parisNode());
    assert.ok(input.messagesLike(/No unsaved shared key is held/).length);
  });

  it('Recover Unsaved Shared Key from the palette with nothing held says so instead of an empty picker', async () => {
    const input = await runCommand('azureVpn.recoverSharedKey', new TestUserInput());
    assert.deepStrictEqual(input.offered, [], 'a picker was shown');
    assert.deepStrictEqual(input.messages.map((shown) => shown.message), ['No unsaved shared keys: every key you chose was confirmed by Azure or discarded.']);
  });
});
