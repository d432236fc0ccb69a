// Details, Delete, Create, Copy Resource ID and Select Subscriptions end to end against the emulator.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { LAB_SUBSCRIPTION_ID, PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/defaultData';
import {
  connectionInEmulator,
  emulator,
  lyon,
  paris,
  requestCount,
  requestsSince,
  resourceIdOf,
  sharedKeyInEmulator,
  writes,
  type ConnectionPlace,
} from '../support/emulator';
import { childLabels, eventually, nodeAt, runCommand } from '../support/extensionUnderTest';
import { sameKey } from '../support/keyAssertions';
import { TestUserInput } from '../support/testUserInput';

const production = 'Contoso Networking (Production)';
const prodGroup = 'rg-vpn.prod(westeurope)_01';
const gatewayPath = [production, prodGroup, 'vgw-prod-we'];

describe('Connection commands', () => {
  beforeEach(async () => {
    await emulator().reset();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Show Connection Details opens a read-only JSON document, status first, without the key', async () => {
    await runCommand('azureVpn.showConnectionDetails', new TestUserInput(), await nodeAt(...gatewayPath, 'cn-prod-we-lyon'));
    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document, 'no document was opened');
    assert.strictEqual(document.languageId, 'json');
    assert.notStrictEqual(document.uri.scheme, 'file', 'the details were written to a file');
    const text = document.getText();
    const details = JSON.parse(text) as Record<string, unknown>;
    assert.deepStrictEqual(Object.keys(details).slice(0, 4), ['name', 'connectionType', 'connectionStatus', 'provisioningState']);
    assert.strictEqual(details.connectionStatus, 'Connecting');
    assert.strictEqual(details.resourceId, resourceIdOf(lyon));
    assert.ok(!text.includes(await sharedKeyInEmulator(lyon)), 'the details document contains the shared key');
  });

  it('Delete Connection removes the connection from Azure and from the tree after a confirmation naming it', async () => {
    const input = await runCommand(
      'azureVpn.deleteConnection',
      new TestUserInput().choose("Delete the connection 'cn-prod-we-lyon'?", 'Delete'),
      await nodeAt(...gatewayPath, 'cn-prod-we-lyon'),
    );
    assert.strictEqual(await connectionInEmulator(lyon), undefined, 'the connection still exists in Azure');
    assert.deepStrictEqual(await childLabels(await nodeAt(...gatewayPath)), ['cn-prod-we-frankfurt-cert', 'cn-prod-we-paris', 'cn-prod-we-zurich', 'BGP Peers']);
    assert.ok(input.messages.some((shown) => shown.modal && shown.detail?.includes('cannot be undone')));
    assert.deepStrictEqual(input.progress.map((shown) => shown.title), ["Deleting the connection 'cn-prod-we-lyon'"]);
  });

  it('Delete Connection does nothing when not confirmed', async () => {
    const mark = await requestCount();
    await runCommand('azureVpn.deleteConnection', new TestUserInput().choose('Delete the connection', undefined), await nodeAt(...gatewayPath, 'cn-prod-we-lyon'));
    assert.deepStrictEqual(writes(await requestsSince(mark)), []);
    assert.ok(await connectionInEmulator(lyon));
  });

  it('Create Connection makes an IPsec connection to a local network gateway with the typed key', async () => {
    const key = 'A new site key, typed in';
    const place: ConnectionPlace = { subscriptionId: PRODUCTION_SUBSCRIPTION_ID, resourceGroup: prodGroup, name: 'cn-prod-we-marseille_1' };
    await runCommand(
      'azureVpn.createConnection',
      new TestUserInput()
        .type("Create Connection on 'vgw-prod-we': name (1/6)", place.name)
        .pick('type (2/6)', 'Site-to-site (IPsec)')
        .pick('other end (3/6)', 'lgw-lyon-office')
        .type('shared key (4/6)', key)
        .pick('IKE version (5/6)', 'IKEv1')
        .pick('review (6/6)', 'Create'),
      await nodeAt(...gatewayPath),
    );
    const created = await connectionInEmulator(place);
    assert.ok(created, 'the connection does not exist in Azure');
    assert.strictEqual(created.properties.connectionType, 'IPsec');
    assert.strictEqual(created.properties.connectionProtocol, 'IKEv1');
    assert.match(String((created.properties.localNetworkGateway2 as { id: string }).id), /\/localNetworkGateways\/lgw-lyon-office$/);
    sameKey(created.properties.sharedKey, key, 'the key in Azure');
    assert.ok((await childLabels(await nodeAt(...gatewayPath))).includes(place.name), 'the new connection is not in the tree');
  });

  it('Create Connection makes a Vnet2Vnet connection to a gateway of another subscription with a generated key', async () => {
    const place: ConnectionPlace = { subscriptionId: PRODUCTION_SUBSCRIPTION_ID, resourceGroup: prodGroup, name: 'cn-prod-we-lab' };
    const input = await runCommand(
      'azureVpn.createConnection',
      new TestUserInput()
        .type('Create Connection', place.name)
        .pick('type (2/6)', 'VNet-to-VNet')
        .pick('other end (3/6)', 'vgw-lab-eus')
        .pick('other half (4/7)', 'Only this half')
        .press('shared key (5/7)', 'generate')
        .pick('IKE version (6/7)', 'IKEv2')
        .pick('review (7/7)', 'Create')
        .choose("Created the connection 'cn-prod-we-lab'", 'Copy key'),
      await nodeAt(...gatewayPath),
    );
    const created = await connectionInEmulator(place);
    assert.ok(created, 'the connection does not exist in Azure');
    assert.strictEqual(created.properties.connectionType, 'Vnet2Vnet');
    assert.match(String((created.properties.virtualNetworkGateway2 as { id: string }).id), new RegExp(`/subscriptions/${LAB_SUBSCRIPTION_ID}/.*/vgw-lab-eus$`));
    const key = String(created.properties.sharedKey);
    assert.strictEqual(key.length, 32);
    sameKey(await vscode.env.clipboard.readText(), key, 'the clipboard');
    assert.ok(!input.offered[1].labels.includes('vgw-prod-we'), 'the gateway itself was offered as the other end');
    assert.ok(!input.offered[1].labels.includes('ergw-prod-we'), 'an ExpressRoute gateway was offered as the other end');
  });

  it('Create Connection: Back returns to the previous step, the review shows every answer (never the key) and any step can be changed from it', async () => {
    const key = 'A key typed for the lab link';
    const place: ConnectionPlace = { subscriptionId: PRODUCTION_SUBSCRIPTION_ID, resourceGroup: prodGroup, name: 'cn-prod-we-lab-2' };
    const input = await runCommand(
      'azureVpn.createConnection',
      new TestUserInput()
        .type("Create Connection on 'vgw-prod-we': name (1/6)", 'cn-first-name')
        .pick('type (2/6)', 'Site-to-site (IPsec)')
        .back('other end (3/6)')
        .pick('type (2/6)', 'VNet-to-VNet')
        .pick('other end (3/6)', 'vgw-lab-eus')
        .pick('other half (4/7)', 'Only this half')
        .type('shared key (5/7)', key)
        .pick('IKE version (6/7)', 'IKEv2')
        .pick('review (7/7)', 'Name')
        .type('name (1/7)', place.name)
        .pick('review (7/7)', 'Create'),
      await nodeAt(...gatewayPath),
    );
    const reviews = input.offered.filter((pick) => pick.title.endsWith('review (7/7)'));
    assert.strictEqual(reviews.length, 2, 'the review was not shown again after the name was changed');
    assert.deepStrictEqual(reviews[1].labels, ['Create', 'Name', 'Type', 'Other end', 'Other half', 'Shared key', 'IKE version']);
    assert.deepStrictEqual(reviews[1].descriptions.slice(1), [place.name, 'VNet-to-VNet', 'vgw-lab-eus', 'only this half', `typed, ${key.length} characters`, 'IKEv2']);
    const otherEnds = input.offered.filter((pick) => pick.title.endsWith('other end (3/6)'));
    // Local network gateways first (IPsec), then, after Back and the other type, gateways; not again after the review.
    assert.deepStrictEqual(otherEnds.map((pick) => pick.labels.includes('vgw-lab-eus')), [false, true], 'the other end was not asked once per type');
    const created = await connectionInEmulator(place);
    assert.ok(created, 'the connection does not exist in Azure');
    assert.strictEqual(created.properties.connectionType, 'Vnet2Vnet');
    sameKey(created.properties.sharedKey, key, 'the key in Azure');
    assert.strictEqual(await connectionInEmulator({ ...place, name: 'cn-first-name' }), undefined, 'the first name was used');
  });

  it('Create Connection offers only the local network gateways of the gateway’s region, and marks those already in use', async () => {
    const input = await runCommand(
      'azureVpn.createConnection',
      new TestUserInput().type('name (1/6)', 'cn-prod-we-nice').pick('type (2/6)', 'Site-to-site (IPsec)').dismiss('other end (3/6)'),
      await nodeAt(...gatewayPath),
    );
    const otherEnd = input.offered.find((pick) => pick.title.endsWith('other end (3/6)'))!;
    assert.deepStrictEqual(otherEnd.labels, ['lgw-frankfurt-dc', 'lgw-lyon-office', 'lgw-paris-office', 'lgw-partner-hq'], 'a local network gateway of another region was offered');
    const described = Object.fromEntries(otherEnd.labels.map((label, index) => [label, otherEnd.descriptions[index] ?? '']));
    assert.match(described['lgw-lyon-office'], /^in use by cn-prod-we-lyon · /);
    assert.doesNotMatch(described['lgw-partner-hq'], /in use/);
  });

  it('Create Connection refuses names Azure rejects, and an existing name, as they are typed; nothing is sent', async () => {
    const mark = await requestCount();
    const input = await runCommand(
      'azureVpn.createConnection',
      new TestUserInput().type('Create Connection', '', '-vpn', 'vpn-', 'vpn site', 'x'.repeat(81), 'vpn/1', 'CN-PROD-WE-PARIS'),
      await nodeAt(...gatewayPath),
    );
    assert.deepStrictEqual(input.validationMessages, [
      'Enter a name for the connection.',
      'The name must start with a letter or a digit.',
      'The name must end with a letter, a digit or an underscore.',
      'The name cannot contain " "; use letters, digits, underscores, periods and hyphens.',
      'The name is 81 characters long; Azure allows at most 80.',
      'The name cannot contain "/"; use letters, digits, underscores, periods and hyphens.',
      'A connection named "CN-PROD-WE-PARIS" already exists here.',
    ]);
    assert.deepStrictEqual(writes(await requestsSince(mark)), []);
  });

  it('Copy Resource ID copies the ARM id of the connection', async () => {
    await runCommand('azureVpn.copyResourceId', new TestUserInput(), await nodeAt(...gatewayPath, 'cn-prod-we-paris'));
    assert.strictEqual(await vscode.env.clipboard.readText(), resourceIdOf(paris));
  });

  it('Open in Portal on a cloud that names no portal (the emulator) says so and offers the Azure portal instead of a broken tab', async () => {
    const input = await runCommand('azureVpn.openInPortal', new TestUserInput().choose('names no portal', undefined), await nodeAt(...gatewayPath, 'cn-prod-we-paris'));
    assert.deepStrictEqual(input.messages.map((shown) => shown.actions), [['Open the Azure Portal']]);
    assert.match(input.messages[0].message, /^This cloud names no portal \(azureVpn\.customCloud\.portalUrl\)\./);
  });

  it('Select Subscriptions… writes azureVpn.subscriptions and the tree follows', async () => {
    const settings = () => vscode.workspace.getConfiguration('azureVpn');
    try {
      const input = await runCommand('azureVpn.selectSubscriptions', new TestUserInput().pick('Select Subscriptions', 'Contoso Networking (Lab)'));
      assert.deepStrictEqual(settings().get('subscriptions'), [LAB_SUBSCRIPTION_ID]);
      await eventually('only the Lab subscription shows', async () => (await childLabels()).join() === 'Contoso Networking (Lab)');
      assert.deepStrictEqual(input.offered[0].labels, ['Contoso Networking (Lab)', 'Contoso Networking (Production)']);

      await runCommand('azureVpn.selectSubscriptions', new TestUserInput().pick('Select Subscriptions', 'Contoso Networking (Lab)', production));
      assert.deepStrictEqual(settings().get('subscriptions'), [], 'choosing every subscription should clear the filter');
    } finally {
      await settings().update('subscriptions', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
