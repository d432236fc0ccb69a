// VNet-to-VNet pairs: the other half named and reached, both halves rotated together (and what the
// user is told when the second fails), keys compared without showing them, both halves created in
// one wizard, and the tunnel watched until it is up. Keys are compared, never printed.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { LAB_SUBSCRIPTION_ID, PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/defaultData';
import { connectionInEmulator, emulator, paris, parisInTree, sharedKeyInEmulator, type ConnectionPlace } from '../support/emulator';
import { contextTokensOf, descriptionOf, discardHeldKeys, eventually, extensionApi, nodeAt, runCommand, updateSetting, userSetting } from '../support/extensionUnderTest';
import { sameKey } from '../support/keyAssertions';
import { TestUserInput } from '../support/testUserInput';

const production = 'Contoso Networking (Production)';
const lab = 'Contoso Networking (Lab)';
const prodGroup = 'rg-vpn.prod(westeurope)_01';
const labGroup = 'rg-lab.vpn-eastus';
const zurich: ConnectionPlace = { subscriptionId: PRODUCTION_SUBSCRIPTION_ID, resourceGroup: prodGroup, name: 'cn-prod-we-zurich' };
const zurichHalf: ConnectionPlace = { subscriptionId: PRODUCTION_SUBSCRIPTION_ID, resourceGroup: 'rg-Zürich-vpn', name: 'cn-zrh-prod-we' };
const zurichInTree = [production, prodGroup, 'vgw-prod-we', zurich.name];
const bothHalves = "'cn-prod-we-zurich' and 'cn-zrh-prod-we'";
const pairQuestion = 'is one half of a VNet-to-VNet link';

async function keysOfPair(): Promise<[string, string]> {
  return [await sharedKeyInEmulator(zurich), await sharedKeyInEmulator(zurichHalf)];
}

/** The descriptions a row showed each time the tree redrew it, while `run` ran. */
async function descriptionsWhile(id: string, run: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const listener = (await extensionApi()).treeDataProvider.onDidChangeTreeData((node) => {
    if (node?.id === id) seen.push(descriptionOf(node));
  });
  try {
    await run();
  } finally {
    listener.dispose();
  }
  return seen;
}

describe('VNet-to-VNet pairs', () => {
  let watchSeconds: unknown;
  before(() => {
    watchSeconds = userSetting('azureVpn.tunnelWatchSeconds');
  });
  beforeEach(async () => {
    await emulator().reset();
    (await extensionApi()).treeDataProvider.refresh();
  });
  afterEach(async () => {
    await discardHeldKeys();
    await updateSetting('azureVpn.tunnelWatchSeconds', watchSeconds);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('names the other half in the tooltip, and Go to Other Half reveals it under its gateway', async () => {
    const node = await nodeAt(...zurichInTree);
    const tree = (await extensionApi()).treeDataProvider;
    // Looked up when the tooltip is about to show (VS Code's resolveTreeItem), not when the level loads.
    assert.doesNotMatch(String(node.getTreeItem().tooltip), /Other half/);
    const resolved = await tree.resolveTreeItem(node.getTreeItem(), node);
    assert.match(String(resolved.tooltip), /Other half ↔ cn-zrh-prod-we on vgw-zrh-01/);
    assert.ok(contextTokensOf(node).includes('vnet2vnet'));
    await runCommand('azureVpn.goToOtherHalf', new TestUserInput(), node);
    const selected = (await extensionApi()).treeView.selection.map((row) => (row as { resourceId?: string }).resourceId?.toLowerCase());
    assert.deepStrictEqual(selected, [`/subscriptions/${zurichHalf.subscriptionId}/resourcegroups/${zurichHalf.resourceGroup}/providers/microsoft.network/connections/${zurichHalf.name}`.toLowerCase()]);
  });

  it('Reset on one half, Both halves: Azure makes the key, both halves hold it, and the tree follows the tunnel until it is up', async () => {
    await updateSetting('azureVpn.tunnelWatchSeconds', 60);
    const [before] = await keysOfPair();
    const node = await nodeAt(...zurichInTree);
    let input: TestUserInput | undefined;
    const seen = await descriptionsWhile(node.id, async () => {
      input = await runCommand(
        'azureVpn.resetSharedKey',
        new TestUserInput().pick(pairQuestion, 'Both halves (recommended)').type(`Reset Shared Key of ${bothHalves}`, '24').choose(`Reset the shared key of ${bothHalves}?`, 'Reset Key'),
        node,
      );
    });
    const [first, second] = await keysOfPair();
    assert.strictEqual(first.length, 24);
    assert.ok(first !== before, 'the key did not change');
    sameKey(second, first, 'the key of the other half');
    const [progress] = input!.progress;
    assert.strictEqual(progress.title, `Resetting the shared key of ${bothHalves}`);
    assert.ok(progress.steps.includes("1/2 'cn-prod-we-zurich': Resetting…"), progress.steps.join(' / '));
    assert.ok(progress.steps.some((step) => step.startsWith("2/2 'cn-zrh-prod-we': ")), progress.steps.join(' / '));
    assert.ok(input!.messagesLike(/^Tunnel up: 'cn-prod-we-zurich' ↔ 'cn-zrh-prod-we'\.$/).length, 'the flow did not end with "Tunnel up"');
    const connecting = seen.indexOf('Connecting · Vnet2Vnet');
    assert.ok(connecting >= 0 && seen.indexOf('Connected · Vnet2Vnet', connecting) > connecting, `the row showed: ${seen.join(' / ')}`);
  });

  it('Set on both halves when the second fails: the message says who has which key, the key is held for the second half, and Retry sets it there', async () => {
    const key = 'One key for both halves 42';
    await emulator().addFault({ method: 'PUT', pathPattern: '/connections/cn-zrh-prod-we/sharedkey$', lroOutcome: 'Failed' });
    const input = await runCommand(
      'azureVpn.setSharedKey',
      new TestUserInput().pick(pairQuestion, 'Both halves (recommended)').type('Set Shared Key of', key).choose(`Set a new shared key on ${bothHalves}?`, 'Set Key').choose("Could not set the shared key of 'cn-zrh-prod-we'", undefined),
      await nodeAt(...zurichInTree),
    );
    const [failure] = input.messages.filter((shown) => shown.severity === 'error');
    assert.match(failure.message, /'cn-prod-we-zurich' has the new key, 'cn-zrh-prod-we' still the old one: the tunnel stays down until they match\./);
    assert.deepStrictEqual(failure.actions, ['Retry', 'Copy key', 'Discard']);
    const [first, second] = await keysOfPair();
    sameKey(first, key, 'the key of the first half');
    assert.ok(second !== key, 'the second half has the key though its set failed');
    const otherRow = await nodeAt(production, 'rg-Zürich-vpn', 'vgw-zrh-01', zurichHalf.name);
    assert.ok(contextTokensOf(otherRow).includes('heldKey'), 'the key is not held for the second half');
    assert.ok(!contextTokensOf(await nodeAt(...zurichInTree)).includes('heldKey'), 'the key is still held for the half that has it');

    await runCommand('azureVpn.recoverSharedKey', new TestUserInput().choose("A shared key you chose for 'cn-zrh-prod-we'", 'Retry'), otherRow);
    sameKey(await sharedKeyInEmulator(zurichHalf), key, 'the key of the second half after Retry');
  });

  it('Stopping the wait during the second half says where each half is, and keeps the key for the second', async () => {
    await emulator().addFault({ method: 'PUT', pathPattern: '/connections/cn-zrh-prod-we/sharedkey$', lroOutcome: 'Stuck' });
    const input = await runCommand(
      'azureVpn.resetSharedKey',
      new TestUserInput().pick(pairQuestion, 'Both halves (recommended)').type('Reset Shared Key of', '32').choose('Reset the shared key of', 'Reset Key').stopWaiting('Resetting the shared key', "2/2 'cn-zrh-prod-we': Azure is"),
      await nodeAt(...zurichInTree),
    );
    const [stopped] = input.messagesLike(/^Stopped waiting\./);
    assert.ok(stopped, input.messages.map((shown) => shown.message).join(' | '));
    assert.match(stopped.message, /Azure may still finish setting the key of 'cn-zrh-prod-we' \('cn-prod-we-zurich' already has it\)/);
    assert.match(stopped.message, /'cn-prod-we-zurich' has the new key, 'cn-zrh-prod-we' still the old one/);
    assert.deepStrictEqual(stopped.actions, ['Retry', 'Copy key', 'Discard']);
    const otherRow = await nodeAt(production, 'rg-Zürich-vpn', 'vgw-zrh-01', zurichHalf.name);
    assert.ok(contextTokensOf(otherRow).includes('heldKey'), 'the key is not held for the second half');
  });

  it('This half only leaves the tunnel down; Check Shared Keys of Pair says they differ, and Make Both the Same brings them together', async () => {
    const zurichRow = await nodeAt(...zurichInTree);
    // The other half's row is on screen too: its tunnel is the same one.
    await nodeAt(production, 'rg-Zürich-vpn', 'vgw-zrh-01', zurichHalf.name);
    await runCommand(
      'azureVpn.resetSharedKey',
      new TestUserInput().pick(pairQuestion, 'This half only').type("Reset Shared Key of 'cn-prod-we-zurich'", '32').choose("Reset the shared key of 'cn-prod-we-zurich'?", 'Reset Key'),
      zurichRow,
    );
    const tree = (await extensionApi()).treeDataProvider;
    await eventually('the other half’s row shows the tunnel down too', () =>
      tree.connectionNodes().some((row) => row.connection.name === zurichHalf.name && descriptionOf(row) === 'Not connected · Vnet2Vnet'),
    );
    assert.strictEqual(descriptionOf(await nodeAt(...zurichInTree)), 'Not connected · Vnet2Vnet');
    const input = await runCommand(
      'azureVpn.checkPairKeys',
      new TestUserInput().choose('differ', 'Make Both the Same…').pick('Make Both the Same', "Keep the key of 'cn-prod-we-zurich'"),
      await nodeAt(...zurichInTree),
    );
    assert.ok(input.messagesLike(/^The shared keys of 'cn-prod-we-zurich' and 'cn-zrh-prod-we' differ/).length, 'the check did not say the keys differ');
    const [first, second] = await keysOfPair();
    sameKey(second, first, 'the other half after Make Both the Same');
  });

  it('Check Shared Keys of Pair: keys that match, a pair whose keys differ, and a half with no other half', async () => {
    const same = await runCommand('azureVpn.checkPairKeys', new TestUserInput(), await nodeAt(...zurichInTree));
    assert.deepStrictEqual(same.messages.map((shown) => shown.message), ["The shared keys of 'cn-prod-we-zurich' and 'cn-zrh-prod-we' match."]);
    const differ = await runCommand('azureVpn.checkPairKeys', new TestUserInput().choose('differ', undefined), await nodeAt(lab, labGroup, 'vgw-lab-eus', 'cn-lab-eus-staging'));
    assert.match(differ.messages[0].message, /^The shared keys of 'cn-lab-eus-staging' and 'cn-lab-staging-eus' differ/);
    const alone = await runCommand('azureVpn.checkPairKeys', new TestUserInput(), await nodeAt(lab, labGroup, 'vgw-lab-staging', 'cn-lab-staging-idle'));
    assert.match(alone.messages[0].message, /^Cannot compare: no other half of 'cn-lab-staging-idle' is visible \(not created, or in a subscription you cannot read\)/);
  });

  it('Create Connection makes both halves of a VNet-to-VNet link with the same key', async () => {
    const first: ConnectionPlace = { subscriptionId: PRODUCTION_SUBSCRIPTION_ID, resourceGroup: prodGroup, name: 'cn-prod-we-lab-eus' };
    const second: ConnectionPlace = { subscriptionId: LAB_SUBSCRIPTION_ID, resourceGroup: labGroup, name: 'cn-lab-eus-prod-we' };
    const input = await runCommand(
      'azureVpn.createConnection',
      new TestUserInput()
        .type("Create Connection on 'vgw-prod-we': name (1/6)", first.name)
        .pick('type (2/6)', 'VNet-to-VNet')
        .pick('other end (3/6)', 'vgw-lab-eus')
        .pick('other half (4/7)', 'Also create the connection on the other gateway (recommended)')
        .type('name of the other half (5/8)', second.name)
        .press('shared key (6/8)', 'generate')
        .pick('IKE version (7/8)', 'IKEv2')
        .pick('review (8/8)', 'Create'),
      await nodeAt(production, prodGroup, 'vgw-prod-we'),
    );
    const [one, other] = [await connectionInEmulator(first), await connectionInEmulator(second)];
    assert.ok(one && other, 'a half is missing in Azure');
    sameKey(other.properties.sharedKey, String(one.properties.sharedKey), 'the key of the other half');
    const id = (reference: unknown) => String((reference as { id: string }).id).toLowerCase();
    assert.strictEqual(id(other.properties.virtualNetworkGateway1), id(one.properties.virtualNetworkGateway2));
    assert.strictEqual(id(other.properties.virtualNetworkGateway2), id(one.properties.virtualNetworkGateway1));
    assert.ok(input.messagesLike(/^Created 'cn-prod-we-lab-eus' and its other half 'cn-lab-eus-prod-we' on 'vgw-lab-eus' with the same shared key\./).length);
    const review = input.offered.find((pick) => pick.title.endsWith('review (8/8)'))!;
    assert.ok(review.descriptions.includes("also created on 'vgw-lab-eus', with the same key"), review.descriptions.join(' | '));
  });

  it('Create Connection, the other half fails: it says so and offers Retry or Delete the first', async () => {
    const first: ConnectionPlace = { subscriptionId: PRODUCTION_SUBSCRIPTION_ID, resourceGroup: prodGroup, name: 'cn-prod-we-lab-eus' };
    await emulator().addFault({ method: 'PUT', pathPattern: '/connections/cn-lab-eus-prod-we$', lroOutcome: 'Failed' });
    const input = await runCommand(
      'azureVpn.createConnection',
      new TestUserInput()
        .type('name (1/6)', first.name)
        .pick('type (2/6)', 'VNet-to-VNet')
        .pick('other end (3/6)', 'vgw-lab-eus')
        .pick('other half (4/7)', 'Also create the connection on the other gateway (recommended)')
        .type('name of the other half (5/8)', 'cn-lab-eus-prod-we')
        .type('shared key (6/8)', 'Key for a link whose far half fails')
        .pick('IKE version (7/8)', 'IKEv2')
        .pick('review (8/8)', 'Create')
        .choose("Could not create the other half 'cn-lab-eus-prod-we'", "Delete 'cn-prod-we-lab-eus'"),
      await nodeAt(production, prodGroup, 'vgw-prod-we'),
    );
    const [failure] = input.messages.filter((shown) => shown.severity === 'error');
    assert.match(failure.message, /'cn-prod-we-lab-eus' was created; the tunnel stays down until its other half exists\./);
    assert.deepStrictEqual(failure.actions, ['Retry', "Delete 'cn-prod-we-lab-eus'"]);
    assert.strictEqual(await connectionInEmulator(first), undefined, 'the first half was not deleted');
  });

  it('Show Connection Details names both halves', async () => {
    await runCommand('azureVpn.showConnectionDetails', new TestUserInput(), await nodeAt(...zurichInTree));
    const details = JSON.parse(vscode.window.activeTextEditor!.document.getText()) as { otherHalf?: { name?: string; gateway?: string } };
    assert.deepStrictEqual([details.otherHalf?.name, details.otherHalf?.gateway], ['cn-zrh-prod-we', 'vgw-zrh-01']);
  });

  it('after a reset of an IPsec connection the watch ends "Tunnel up" once the on-premises device has the new key', async () => {
    await updateSetting('azureVpn.tunnelWatchSeconds', 60);
    const before = await sharedKeyInEmulator(paris);
    const running = runCommand('azureVpn.resetSharedKey', new TestUserInput().type('Reset Shared Key', '32').choose('Reset the shared key', 'Reset Key'), await nodeAt(...parisInTree));
    await eventually('Azure has the new key', async () => (await sharedKeyInEmulator(paris)) !== before);
    await eventually('the row shows the tunnel down', async () => descriptionOf(await nodeAt(...parisInTree)) === 'Not connected · IPsec');
    await emulator().setDevice(paris.subscriptionId, paris.resourceGroup, 'lgw-paris-office', { sharedKey: await sharedKeyInEmulator(paris) });
    const input = await running;
    assert.ok(input.messagesLike(/^Tunnel up: 'cn-prod-we-paris' is Connected\.$/).length, input.messages.map((shown) => shown.message).join(' | '));
  });

  it('at the end of the watch, an IPsec tunnel still down says the on-premises device still has the old key', async () => {
    await updateSetting('azureVpn.tunnelWatchSeconds', 10);
    const input = await runCommand('azureVpn.resetSharedKey', new TestUserInput().type('Reset Shared Key', '32').choose('Reset the shared key', 'Reset Key'), await nodeAt(...parisInTree));
    assert.ok(
      input.messagesLike(/^Still not connected after 10 s: 'cn-prod-we-paris' — the on-premises device \(lgw-paris-office\) still has the old key\./).length,
      input.messages.map((shown) => shown.message).join(' | '),
    );
  });
});
