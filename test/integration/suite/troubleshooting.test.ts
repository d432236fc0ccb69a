// Troubleshooting a tunnel from the tree, against the emulator: what a connection and a BGP gateway
// expand to (and what a redraw does not read again), Reset Connection, the BGP route documents,
// Download Device Configuration and Edit Connection, each from its node with scripted answers.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { FABRIKAM_POLICY } from '../../emulator/defaultData';
import { connectionInEmulator, emulator, lyon, paris, requestCount, requestsSince, sharedKeyInEmulator, writes } from '../support/emulator';
import { childLabels, childrenOf, descriptionOf, eventually, extensionApi, labelOf, nodeAt, runCommand } from '../support/extensionUnderTest';
import { sameKey } from '../support/keyAssertions';
import { TestUserInput } from '../support/testUserInput';
import type { TreeNode } from '../../../src/tree/treeNode';

const production = 'Contoso Networking (Production)';
const prodGroup = 'rg-vpn.prod(westeurope)_01';
const gatewayPath = [production, prodGroup, 'vgw-prod-we'];
const parisPath = [...gatewayPath, 'cn-prod-we-paris'];
const fabrikamPath = ['Contoso Networking (Lab)', 'rg-lab.vpn-eastus', 'vgw-lab-eus', 'cn-lab-fabrikam'];

const rows = (nodes: TreeNode[]) => nodes.map((node) => `${labelOf(node)}: ${descriptionOf(node)}`);
const posts = async (since: number, pattern: RegExp) => (await requestsSince(since)).filter((request) => request.method === 'POST' && pattern.test(request.path));
const childNamed = async (parent: TreeNode, label: string) => (await childrenOf(parent)).find((node) => labelOf(node) === label)!;

describe('Troubleshooting a tunnel', () => {
  beforeEach(async () => {
    await emulator().reset();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a connection of an active-active gateway expands to its two tunnels, its policy and its IKE SAs, which are not read until asked for', async () => {
    const mark = await requestCount();
    const children = await childrenOf(await nodeAt(...parisPath));
    assert.deepStrictEqual(rows(children).map((row) => row.replace(/[\d.]+ [kMG]?B/g, 'n')), [
      '203.0.113.4_0: Connected · n in · n out',
      '203.0.113.5_1: Connected · n in · n out',
      'IPsec/IKE policy: Azure default policy',
      'IKE Security Associations: ',
    ]);
    assert.deepStrictEqual(await posts(mark, /getikesas$/i), [], 'the IKE SAs were read before they were asked for');
    const expressRoute = await nodeAt(production, prodGroup, 'ergw-prod-we', 'cn-prod-we-expressroute');
    assert.strictEqual(expressRoute.getTreeItem().collapsibleState, vscode.TreeItemCollapsibleState.None, 'an ExpressRoute connection expands');
  });

  it('shows a custom IPsec/IKE policy with its phases and lifetime', async () => {
    const policy = await childNamed(await nodeAt(...fabrikamPath), 'IPsec/IKE policy');
    assert.strictEqual(descriptionOf(policy), 'Custom');
    assert.deepStrictEqual(rows(await childrenOf(policy)), [
      `IKE (phase 1): ${FABRIKAM_POLICY.ikeEncryption} · ${FABRIKAM_POLICY.ikeIntegrity} · ${FABRIKAM_POLICY.dhGroup}`,
      `IPsec (phase 2): ${FABRIKAM_POLICY.ipsecEncryption} · ${FABRIKAM_POLICY.ipsecIntegrity} · ${FABRIKAM_POLICY.pfsGroup}`,
      'SA lifetime: 3,600 s · 102,400,000 KB',
      'Policy-based traffic selectors: off',
    ]);
  });

  it('reads the IKE SAs when expanded, keeps them through redraws and reads of the connection, and reads them again on Refresh', async () => {
    const api = await extensionApi();
    const tree = api.treeDataProvider;
    const connection = await nodeAt(...parisPath);
    const ikeSas = await childNamed(connection, 'IKE Security Associations');
    let mark = await requestCount();
    const mainModes = await tree.getChildren(ikeSas);
    assert.deepStrictEqual(rows(mainModes), ['Main mode SA: 198.51.100.20 → 203.0.113.10', 'Main mode SA: 198.51.100.21 → 203.0.113.10']);
    assert.deepStrictEqual(rows(await tree.getChildren(mainModes[0])).map((row) => row.replace(/, .* elapsed/, ', elapsed')), [
      'IKE: AES256 · SHA1 · DHGroup2',
      'Lifetime: 28,800 s, elapsed',
      'Initiated by: Azure',
      'Quick mode SA: 198.51.100.20 → 203.0.113.10',
    ]);
    assert.strictEqual((await posts(mark, /getikesas$/i)).length, 1);

    mark = await requestCount();
    tree.redraw(connection);
    await runCommand('azureVpn.refresh', new TestUserInput(), connection);
    assert.strictEqual(await tree.getChildren(ikeSas), mainModes, 'the IKE SAs were loaded again');
    assert.ok((await tree.getChildren(connection)).includes(ikeSas), 'reading the connection again replaced its IKE SAs');
    assert.deepStrictEqual(await posts(mark, /getikesas$/i), [], 'a redraw or a read of the connection asked Azure for the IKE SAs');

    await runCommand('azureVpn.refresh', new TestUserInput(), ikeSas);
    await tree.getChildren(ikeSas);
    assert.strictEqual((await posts(mark, /getikesas$/i)).length, 1, 'Refresh did not read the IKE SAs again');
  });

  it('says there are no IKE SAs while the tunnel is not established', async () => {
    const ikeSas = await childNamed(await nodeAt(...gatewayPath, 'cn-prod-we-lyon'), 'IKE Security Associations');
    assert.deepStrictEqual(await childLabels(ikeSas), ['None: the tunnel is not established']);
  });

  it('shows BGP Peers after the connections of a BGP gateway only, one session per peer and instance', async () => {
    assert.deepStrictEqual(await childLabels(await nodeAt(production, 'rg-Zürich-vpn', 'vgw-zrh-01')), ['cn-zrh-geneva', 'cn-zrh-lab-eus', 'cn-zrh-prod-we']);
    const peers = await nodeAt(...gatewayPath, 'BGP Peers');
    assert.strictEqual(descriptionOf(peers), 'AS 65010');
    assert.deepStrictEqual(rows(await childrenOf(peers)), [
      '169.254.21.1: via 10.10.255.254 · AS 65110 · Connected · 1 route',
      '169.254.21.2: via 10.10.255.254 · AS 65120 · Connected · 1 route',
      '169.254.21.1: via 10.10.255.253 · AS 65110 · Connected · 1 route',
      '169.254.21.2: via 10.10.255.253 · AS 65120 · Connected · 1 route',
    ]);
  });

  it('Show Learned Routes and Show Advertised Routes open read-only tables of what the gateway learned and tells a peer', async () => {
    const peers = await nodeAt(...gatewayPath, 'BGP Peers');
    const learned = await runCommand('azureVpn.showLearnedRoutes', new TestUserInput(), peers);
    const table = vscode.window.activeTextEditor?.document;
    assert.ok(table, 'no document was opened');
    assert.notStrictEqual(table.uri.scheme, 'file', 'the routes were written to a file');
    assert.match(table.getText(), /^10\.110\.0\.0\/16 +169\.254\.21\.1 +EBgp +169\.254\.21\.1 +65110 +32768/m);
    assert.deepStrictEqual(learned.progress.map((shown) => shown.title), ["Reading the routes 'vgw-prod-we' learned"]);

    const [paris] = await childrenOf(peers);
    await runCommand('azureVpn.showAdvertisedRoutes', new TestUserInput(), paris);
    const advertised = vscode.window.activeTextEditor!.document.getText();
    assert.match(advertised, /advertises to the BGP peer 169\.254\.21\.1/);
    assert.match(advertised, /^10\.120\.0\.0\/16 .* 65010-65120 +0 /m, 'Frankfurt’s network is not advertised to Paris');
    assert.doesNotMatch(advertised, /^10\.110\.0\.0\/16/m, 'Paris’s own network is advertised back to it');
  });

  it('Show Advertised Routes from the palette walks to the BGP peers without offering connections', async () => {
    const input = await runCommand(
      'azureVpn.showAdvertisedRoutes',
      new TestUserInput().pick('Select a subscription', production).pick('Select a resource group', prodGroup).pick('Select a BGP peer', '169.254.21.2'),
    );
    assert.deepStrictEqual(input.offered[2].labels, ['169.254.21.1', '169.254.21.2', '169.254.21.1', '169.254.21.2'], 'the gateway or BGP Peers was asked, or connections offered');
    assert.match(vscode.window.activeTextEditor!.document.getText(), /advertises to the BGP peer 169\.254\.21\.2/);
  });

  it('Reset Connection, once confirmed, resets the tunnel in Azure and the row shows it negotiating again', async () => {
    await emulator().setConfig({ connectDelayMs: 30_000 });
    const input = await runCommand('azureVpn.resetConnection', new TestUserInput().choose("Reset the connection 'cn-prod-we-paris'?", 'Reset Connection'), await nodeAt(...parisPath));
    assert.ok(input.messages.some((shown) => shown.modal && shown.detail?.includes('drops and re-establishes')));
    assert.deepStrictEqual(input.progress.map((shown) => shown.title), ["Resetting the connection 'cn-prod-we-paris'"]);
    assert.strictEqual((await connectionInEmulator(paris))?.properties.connectionStatus, 'Connecting', 'Azure did not reset the tunnel');
    const [row] = (await extensionApi()).treeDataProvider.connectionNodes(`/subscriptions/${paris.subscriptionId}/resourceGroups/${paris.resourceGroup}/providers/Microsoft.Network/connections/${paris.name}`);
    assert.strictEqual(descriptionOf(row), 'Connecting · IPsec');
  });

  it('Reset Connection does nothing when not confirmed, and is offered from the palette for VPN connections only', async () => {
    const mark = await requestCount();
    const input = await runCommand(
      'azureVpn.resetConnection',
      new TestUserInput().pick('Select a subscription', production).pick('Select a resource group', prodGroup).pick('Select a connection', 'cn-prod-we-lyon').choose('Reset the connection', undefined),
    );
    assert.deepStrictEqual(writes(await requestsSince(mark)), []);
    assert.deepStrictEqual(input.offered[1].labels, [prodGroup, 'rg-Zürich-vpn']);
    assert.deepStrictEqual(input.offered[2].labels, ['cn-prod-we-frankfurt-cert', 'cn-prod-we-lyon', 'cn-prod-we-paris', 'cn-prod-we-zurich'], 'the ExpressRoute gateway was walked, or BGP Peers offered');
  });

  it('Download Device Configuration asks vendor, family and firmware, then opens the script with the key in an editor that is not a file', async () => {
    const input = await runCommand(
      'azureVpn.downloadDeviceConfiguration',
      new TestUserInput().pick('vendor (1/4)', 'Cisco').pick('device family (2/4)', 'ISR').pick('firmware (3/4)', 'IOS 15.1 (Preview)').pick('review (4/4)', 'Download'),
      await nodeAt(...parisPath),
    );
    assert.deepStrictEqual(input.offered[0].labels, ['Cisco', 'Juniper', 'Ubiquiti']);
    assert.match(input.offered[3].descriptions[0] ?? '', /holds the shared key/);
    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document, 'no document was opened');
    assert.strictEqual(document.uri.scheme, 'azure-vpn-details');
    assert.ok(!document.isUntitled && !document.isDirty, 'the script is in an untitled or modified editor, which VS Code backs up to disk');
    assert.match(document.getText(), /crypto ikev2 keyring cn-prod-we-paris-keyring/);
    assert.ok(document.getText().includes(await sharedKeyInEmulator(paris)), 'the script does not hold the connection’s key');
    assert.ok(input.messages.some((shown) => /^Keep it safe: this script holds the shared key/.test(shown.message)), 'the command does not say the script holds the key');
  });

  it('Download Device Configuration is offered for site-to-site connections with a key only', async () => {
    const input = await runCommand(
      'azureVpn.downloadDeviceConfiguration',
      new TestUserInput().pick('Select a subscription', production).pick('Select a resource group', prodGroup).dismiss('Select a connection'),
    );
    assert.deepStrictEqual(input.offered[2].labels, ['cn-prod-we-lyon', 'cn-prod-we-paris']);
  });

  it('Edit Connection shows every setting first, refuses a bad value where typed, reviews old → new, and Azure then holds the new settings and the old key', async () => {
    const key = await sharedKeyInEmulator(paris);
    const input = await runCommand(
      'azureVpn.editConnection',
      new TestUserInput()
        .pick('review', 'DPD timeout')
        .type('DPD timeout', '5', '30')
        .pick('review', 'IPsec/IKE policy')
        .pick('IPsec/IKE policy', 'Custom policy')
        .pick('IKE encryption', 'AES256')
        .pick('IKE integrity', 'SHA256')
        .pick('DH group', 'DHGroup14')
        .pick('IPsec encryption', 'GCMAES256')
        .pick('IPsec integrity', 'GCMAES256')
        .pick('PFS group', 'None')
        .type('SA lifetime', '27000')
        .type('SA data size', '102400000')
        .pick('review', 'Save'),
      await nodeAt(...parisPath),
    );
    assert.deepStrictEqual(input.validationMessages, ['The DPD timeout must be at least 9 seconds.', undefined, undefined, undefined]);
    const review = input.offered.filter((pick) => pick.title === "Edit Connection 'cn-prod-we-paris': review").pop()!;
    assert.strictEqual(review.descriptions[review.labels.indexOf('DPD timeout')], '45 s → 30 s');
    assert.match(review.descriptions[0] ?? '', /^2 changes\. Azure ignores a key here: Set Shared Key… changes it/);
    const stored = (await connectionInEmulator(paris))!.properties;
    assert.strictEqual(stored.dpdTimeoutSeconds, 30);
    assert.deepStrictEqual(stored.ipsecPolicies, [{ ikeEncryption: 'AES256', ikeIntegrity: 'SHA256', dhGroup: 'DHGroup14', ipsecEncryption: 'GCMAES256', ipsecIntegrity: 'GCMAES256', pfsGroup: 'None', saLifeTimeSeconds: 27000, saDataSizeKilobytes: 102400000 }]);
    sameKey(await sharedKeyInEmulator(paris), key, 'the key after Edit Connection');
    await eventually('the policy under the connection is the new one', async () => descriptionOf(await childNamed(await nodeAt(...parisPath), 'IPsec/IKE policy')) === 'Custom');
  });

  it('Edit Connection sends nothing when nothing changed, and says what Azure refused', async () => {
    let mark = await requestCount();
    await runCommand('azureVpn.editConnection', new TestUserInput().pick('review', 'Save').choose('Nothing was changed', undefined), await nodeAt(...gatewayPath, 'cn-prod-we-lyon'));
    assert.deepStrictEqual(writes(await requestsSince(mark)), []);

    await emulator().addFault({ method: 'PUT', pathPattern: '/connections/cn-prod-we-lyon$', status: 400, errorCode: 'InvalidRequestFormat', message: 'BGP cannot be enabled: the local network gateway has no BGP settings.' });
    mark = await requestCount();
    const input = await runCommand(
      'azureVpn.editConnection',
      new TestUserInput().pick('review', 'BGP').pick('BGP', 'On').pick('review', 'Save').choose('Could not update', undefined),
      await nodeAt(...gatewayPath, 'cn-prod-we-lyon'),
    );
    const [failure] = input.messagesLike(/^Could not update the connection 'cn-prod-we-lyon'/);
    assert.match(failure.message, /Azure refused the request: BGP cannot be enabled/);
    assert.deepStrictEqual(failure.actions, [], 'a retry was offered for a refused value');
    assert.strictEqual((await connectionInEmulator(lyon))!.properties.enableBgp, false);
  });
});
