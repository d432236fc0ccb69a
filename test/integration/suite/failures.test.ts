// What the user sees when Azure fails, and that a half-finished rotation loses nothing.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { emulator, paris, parisInTree, sharedKeyInEmulator } from '../support/emulator';
import { childLabels, contextTokensOf, descriptionOf, eventually, extensionApi, nodeAt, runCommand } from '../support/extensionUnderTest';
import { sameKey } from '../support/keyAssertions';
import { TestUserInput } from '../support/testUserInput';

const sharedKeyPath = '/connections/cn-prod-we-paris/sharedkey$';

function parisNode() {
  return nodeAt(...parisInTree);
}

describe('Failures', () => {
  beforeEach(async () => {
    await emulator().reset();
    await vscode.env.clipboard.writeText('');
  });

  it('another operation in progress (409): offers to retry when it finishes, and the retry succeeds', async () => {
    await emulator().addFault({ method: 'POST', pathPattern: '/connections/cn-prod-we-paris/sharedkey/reset$', status: 409, errorCode: 'AnotherOperationInProgress' });
    const input = await runCommand(
      'azureVpn.resetSharedKey',
      new TestUserInput()
        .type('Reset Shared Key', '20')
        .choose('Reset the shared key', 'Reset Key')
        .choose("Could not reset the shared key of 'cn-prod-we-paris'", 'Retry when it finishes'),
      await parisNode(),
    );
    const [failure] = input.messages.filter((shown) => shown.severity === 'error');
    assert.match(failure.message, /Another operation is in progress/);
    assert.deepStrictEqual(failure.actions, ['Retry when it finishes']);
    assert.strictEqual((await sharedKeyInEmulator(paris)).length, 20);
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

  it('stopping the wait is not a failure: the message says Azure may still finish, and it does', async () => {
    await emulator().setConfig({ lroMs: 1500 });
    const input = await runCommand(
      'azureVpn.resetSharedKey',
      new TestUserInput().type('Reset Shared Key', '48').choose('Reset the shared key', 'Reset Key').stopWaiting('Resetting the shared key', 'Azure is applying'),
      await parisNode(),
    );
    assert.deepStrictEqual(input.messages.filter((shown) => shown.severity === 'error'), []);
    assert.ok(
      input.messagesLike(/^Stopped waiting\. Azure may still finish resetting the key of 'cn-prod-we-paris'/).length,
      `messages were: ${input.messages.map((shown) => shown.message).join(' | ')}`,
    );
    // The node shows what Azure says now (possibly still Updating), not the spinner.
    assert.match(descriptionOf(await parisNode()), /^IPsec · Connected/);
    await eventually('Azure finishes the reset', async () => (await sharedKeyInEmulator(paris)).length === 48);
  });

  it('no permission to read the key (403): says so, with no retry that cannot help', async () => {
    await emulator().addFault({ method: 'GET', pathPattern: sharedKeyPath, status: 403 });
    const input = await runCommand('azureVpn.copySharedKey', new TestUserInput(), await parisNode());
    const [failure] = input.messages.filter((shown) => shown.severity === 'error');
    assert.match(failure.message, /^Could not read the shared key of 'cn-prod-we-paris'\. You do not have permission/);
    assert.deepStrictEqual(failure.actions, []);
    assert.strictEqual(await vscode.env.clipboard.readText(), '');
  });

  it('deleted meanwhile (404): offers to refresh, which reloads the gateway', async () => {
    await emulator().addFault({ method: 'GET', pathPattern: sharedKeyPath, status: 404 });
    const input = await runCommand('azureVpn.viewSharedKey', new TestUserInput().choose('Could not read the shared key', 'Refresh'), await parisNode());
    const [failure] = input.messages.filter((shown) => shown.severity === 'error');
    assert.match(failure.message, /Not found in Azure/);
    assert.deepStrictEqual(failure.actions, ['Refresh']);
  });

  it('throttled beyond the retries (429): says the extension retried and gave up', async () => {
    await emulator().addFault({ method: 'GET', pathPattern: sharedKeyPath, status: 429, retryAfter: 0, count: 50 });
    const input = await runCommand('azureVpn.copySharedKey', new TestUserInput().choose('Could not read the shared key', undefined), await parisNode());
    const [failure] = input.messages.filter((shown) => shown.severity === 'error');
    assert.match(failure.message, /throttling requests: the extension retried and then gave up/);
  });

  it('a sign-in method that cannot sign in empties the tree for the welcome view', async () => {
    const settings = () => vscode.workspace.getConfiguration('azureVpn');
    const configured = settings().inspect<string>('authentication')?.globalValue;
    await settings().update('authentication', 'azureCli', vscode.ConfigurationTarget.Global);
    try {
      await eventually('the tree is empty', async () => (await childLabels()).length === 0);
      assert.strictEqual((await extensionApi()).treeDataProvider.signInState, 'signedOut');
    } finally {
      await settings().update('authentication', configured, vscode.ConfigurationTarget.Global);
    }
    await eventually('the subscriptions are back', async () => (await childLabels()).length === 2);
    assert.strictEqual((await extensionApi()).treeDataProvider.signInState, 'signedIn');
  });
});
