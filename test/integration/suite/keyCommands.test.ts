// View, Copy, Set and Reset Shared Key end to end: scripted answers in, the emulator's state checked.
// Keys are compared, never printed: assertion messages name the connection, not the key.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { emulator, paris, parisInTree, requestCount, requestsSince, sharedKeyInEmulator, writes } from '../support/emulator';
import { contextTokensOf, descriptionOf, eventually, extensionApi, nodeAt, runCommand } from '../support/extensionUnderTest';
import { noKeyIn, sameKey } from '../support/keyAssertions';
import { TestUserInput } from '../support/testUserInput';


function parisNode() {
  return nodeAt(...parisInTree);
}

describe('Shared key commands', () => {
  beforeEach(async () => {
    await emulator().reset();
    await vscode.env.clipboard.writeText('');
  });

  it('View Shared Key shows the key Azure holds, masked until revealed', async () => {
    const input = await runCommand(
      'azureVpn.viewSharedKey',
      new TestUserInput().showKey("Shared key of 'cn-prod-we-paris'", { reveal: true }),
      await parisNode(),
    );
    assert.strictEqual(input.revealedKeys.length, 1);
    sameKey(input.revealedKeys[0], await sharedKeyInEmulator(paris), 'the revealed key');
    assert.strictEqual(await vscode.env.clipboard.readText(), '', 'viewing a key put something on the clipboard');
  });

  it('View Shared Key copies the key with its Copy button', async () => {
    const input = await runCommand(
      'azureVpn.viewSharedKey',
      new TestUserInput().showKey("Shared key of 'cn-prod-we-paris'", { copy: true }),
      await parisNode(),
    );
    const key = await sharedKeyInEmulator(paris);
    sameKey(await vscode.env.clipboard.readText(), key, 'the clipboard');
    noKeyIn(input.messages.map((shown) => shown.message), key);
  });

  it('Copy Shared Key puts the key on the clipboard, says so without echoing it, and clears it later', async () => {
    const input = await runCommand('azureVpn.copySharedKey', new TestUserInput(), await parisNode());
    const key = await sharedKeyInEmulator(paris);
    sameKey(await vscode.env.clipboard.readText(), key, 'the clipboard');
    const [confirmation] = input.messagesLike(/^Copied the shared key of 'cn-prod-we-paris'/);
    assert.ok(confirmation, 'no confirmation that the key was copied');
    assert.match(confirmation.message, /the clipboard clears in 2 s\./);
    noKeyIn(input.messages.map((shown) => shown.message), key);
    // azureVpn.clipboardClearSeconds is 2 in the integration settings.
    await eventually('the clipboard is cleared', async () => (await vscode.env.clipboard.readText()) === '');
  });

  it('Copy Shared Key leaves the clipboard alone when the user copied something else meanwhile', async () => {
    await runCommand('azureVpn.copySharedKey', new TestUserInput(), await parisNode());
    await vscode.env.clipboard.writeText('something the user copied');
    // Past the 2 s after which the key would have been cleared.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    assert.strictEqual(await vscode.env.clipboard.readText(), 'something the user copied');
  });

  it('Set Shared Key sets the typed key after confirmation', async () => {
    const newKey = 'Typed-in key 0f the user!';
    const input = await runCommand(
      'azureVpn.setSharedKey',
      new TestUserInput().type("Set Shared Key of 'cn-prod-we-paris'", newKey).choose("Set a new shared key on 'cn-prod-we-paris'?", 'Set Key'),
      await parisNode(),
    );
    sameKey(await sharedKeyInEmulator(paris), newKey, 'the key in Azure');
    assert.ok(input.messagesLike(/^The shared key of 'cn-prod-we-paris' is set/).length, 'no success message');
    assert.deepStrictEqual(input.progress.map((shown) => shown.title), ["Setting the shared key of 'cn-prod-we-paris'"]);
    assert.ok(!contextTokensOf(await parisNode()).includes('heldKey'), 'the key is still held after it was set');
    noKeyIn(input.messages.flatMap((shown) => [shown.message, shown.detail ?? '']), newKey);
  });

  it('Set Shared Key can generate a strong key locally and copy it once set', async () => {
    const before = await sharedKeyInEmulator(paris);
    await runCommand(
      'azureVpn.setSharedKey',
      new TestUserInput()
        .press("Set Shared Key of 'cn-prod-we-paris'", 'generate')
        .choose("Set a new shared key on 'cn-prod-we-paris'?", 'Set Key')
        .choose("The shared key of 'cn-prod-we-paris' is set", 'Copy new key'),
      await parisNode(),
    );
    const now = await sharedKeyInEmulator(paris);
    assert.strictEqual(now.length, 32);
    assert.ok(/^[A-Za-z0-9]+$/.test(now), 'the generated key has characters outside letters and digits');
    assert.ok(now !== before, 'the key in Azure did not change');
    sameKey(await vscode.env.clipboard.readText(), now, 'the clipboard');
  });

  it('Reset Shared Key makes Azure generate a key of the typed length, saying what happens meanwhile', async () => {
    const before = await sharedKeyInEmulator(paris);
    const input = await runCommand(
      'azureVpn.resetSharedKey',
      new TestUserInput().type("Reset Shared Key of 'cn-prod-we-paris'", '24').choose("Reset the shared key of 'cn-prod-we-paris'?", 'Reset Key'),
      await parisNode(),
    );
    const now = await sharedKeyInEmulator(paris);
    assert.strictEqual(now.length, 24);
    assert.ok(now !== before, 'the key in Azure did not change');
    const [confirmation] = input.messages.filter((shown) => shown.modal);
    assert.match(confirmation.detail ?? '', /peer device \(lgw-paris-office\) is updated/);
    const [progress] = input.progress;
    assert.strictEqual(progress.title, "Resetting the shared key of 'cn-prod-we-paris'");
    assert.strictEqual(progress.steps[0], 'Resetting…');
    assert.ok(progress.steps.includes('Azure is applying the new key…'), `steps were: ${progress.steps.join(' / ')}`);
    const [done] = input.messagesLike(/was reset to a new 24-character key/);
    assert.deepStrictEqual(done.actions, ['Copy new key']);
  });

  it('Reset Shared Key offers to copy the new key', async () => {
    await runCommand(
      'azureVpn.resetSharedKey',
      new TestUserInput()
        .type('Reset Shared Key', '40')
        .choose('Reset the shared key', 'Reset Key')
        .choose('was reset to a new 40-character key', 'Copy new key'),
      await parisNode(),
    );
    sameKey(await vscode.env.clipboard.readText(), await sharedKeyInEmulator(paris), 'the clipboard');
  });

  it('shows the operation on the connection while it runs: spinner and "Resetting key…"', async () => {
    await emulator().setConfig({ lroMs: 1500 });
    const running = runCommand(
      'azureVpn.resetSharedKey',
      new TestUserInput().type('Reset Shared Key', '32').choose('Reset the shared key', 'Reset Key'),
      await parisNode(),
    );
    await eventually('the connection shows "Resetting key…"', async () => descriptionOf(await parisNode()) === 'Resetting key…');
    const item = (await parisNode()).getTreeItem();
    assert.strictEqual((item.iconPath as vscode.ThemeIcon).id, 'loading~spin');
    assert.ok(!contextTokensOf(await parisNode()).includes('idle'), 'Set/Reset/Delete stay available on a busy connection');
    await running;
    // Paris's on-premises device still holds the old key (emulator: simulated tunnels).
    assert.strictEqual(descriptionOf(await parisNode()), 'Not connected · IPsec');
  });

  it('Reset Shared Key from the palette walks the tree: subscription, group, and only connections with a key (the one VPN gateway is not asked)', async () => {
    // The emulator was reset behind the extension's back: the user refreshes the view first.
    (await extensionApi()).treeDataProvider.refresh();
    const input = await runCommand(
      'azureVpn.resetSharedKey',
      new TestUserInput()
        .pick('Reset Shared Key | Select a subscription', 'Contoso Networking (Production)')
        .pick('Reset Shared Key | Select a resource group', 'rg-vpn.prod(westeurope)_01')
        .pick('Select a connection', 'cn-prod-we-paris')
        .type("Reset Shared Key of 'cn-prod-we-paris'", '16')
        .choose('Reset the shared key', 'Reset Key'),
    );
    assert.strictEqual((await sharedKeyInEmulator(paris)).length, 16);
    const [subscriptions, groups, connections] = input.offered;
    assert.deepStrictEqual(subscriptions.labels, ['Contoso Networking (Lab)', 'Contoso Networking (Production)']);
    assert.deepStrictEqual(groups.labels, ['rg-vpn.prod(westeurope)_01', 'rg-Zürich-vpn']);
    // ergw-prod-we is an ExpressRoute gateway: vgw-prod-we is the only way on, so it is not asked, and the next title names it.
    assert.strictEqual(input.offered.length, 3, `asked more than subscription, group and connection: ${input.offered.map((pick) => pick.title).join(' / ')}`);
    assert.strictEqual(connections.title, "Reset Shared Key — virtual network gateway 'vgw-prod-we'");
    assert.deepStrictEqual(connections.labels, ['cn-prod-we-lyon', 'cn-prod-we-paris', 'cn-prod-we-zurich'], 'a connection without a key was offered');
    assert.deepStrictEqual(connections.descriptions, ['Connecting · IPsec', 'Connected · IPsec', 'Connected · Vnet2Vnet'], 'the picker does not show what the tree shows');
  });

  describe('bad input is refused where it is typed, and nothing is sent to Azure', () => {
    it('key lengths 0, 129, -1, 1.5, abc, empty and spaces', async () => {
      const before = await sharedKeyInEmulator(paris);
      const mark = await requestCount();
      const input = await runCommand(
        'azureVpn.resetSharedKey',
        new TestUserInput().type('Reset Shared Key', '0', '129', '-1', '1.5', 'abc', '', '   '),
        await parisNode(),
      );
      assert.deepStrictEqual(input.validationMessages, [
        'The key length must be at least 1.',
        'The key length can be at most 128.',
        'The key length must be at least 1.',
        'The key length must be a whole number.',
        'The key length must be a number from 1 to 128.',
        'Enter a key length from 1 to 128.',
        'Enter a key length from 1 to 128.',
      ]);
      assert.deepStrictEqual(writes(await requestsSince(mark)), []);
      sameKey(await sharedKeyInEmulator(paris), before, 'the key in Azure');
    });

    it('keys that are empty, 129 characters, non-ASCII, with control characters or only spaces', async () => {
      const before = await sharedKeyInEmulator(paris);
      const mark = await requestCount();
      const input = await runCommand(
        'azureVpn.setSharedKey',
        new TestUserInput().type('Set Shared Key', '', 'k'.repeat(129), 'clé-secrète', 'line\nbreak', '     '),
        await parisNode(),
      );
      assert.deepStrictEqual(input.validationMessages, [
        'Enter a shared key of 1 to 128 characters.',
        'The shared key is 129 characters long; Azure accepts at most 128.',
        'Character 3 is not ASCII; use printable ASCII (letters, digits, punctuation, space).',
        'Character 5 is a control character; use printable ASCII (letters, digits, punctuation, space).',
        'The shared key cannot be only spaces.',
      ]);
      assert.deepStrictEqual(writes(await requestsSince(mark)), []);
      sameKey(await sharedKeyInEmulator(paris), before, 'the key in Azure');
    });

    it('a reset the user does not confirm', async () => {
      const mark = await requestCount();
      await runCommand(
        'azureVpn.resetSharedKey',
        new TestUserInput().type('Reset Shared Key', '32').choose('Reset the shared key', undefined),
        await parisNode(),
      );
      assert.deepStrictEqual(writes(await requestsSince(mark)), []);
    });
  });
});
