// The Connections tree against the emulator's default data, through the real TreeDataProvider.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { LAB_SUBSCRIPTION_ID } from '../../emulator/defaultData';
import { emulator, requestCount, requestsSince } from '../support/emulator';
import { childLabels, childrenOf, contextTokensOf, descriptionOf, eventually, extensionApi, labelOf, nodeAt, runCommand } from '../support/extensionUnderTest';
import { TestUserInput } from '../support/testUserInput';
import type { TreeNode } from '../../../src/tree/treeNode';

const production = 'Contoso Networking (Production)';
const lab = 'Contoso Networking (Lab)';
const prodGroup = 'rg-vpn.prod(westeurope)_01';

function armReads(requests: { method: string; path: string }[]): string[] {
  return requests.filter((request) => request.path.startsWith('/subscriptions')).map((request) => request.path);
}

function iconOf(node: { getTreeItem(): vscode.TreeItem }): string {
  return (node.getTreeItem().iconPath as vscode.ThemeIcon).id;
}

describe('Connections tree', () => {
  before(async () => {
    await emulator().reset();
  });

  it('shows the subscriptions of the signed-in account', async () => {
    assert.deepStrictEqual(await childLabels(), [lab, production]);
  });

  it('shows only the resource groups that hold gateways, names with periods, parentheses and Unicode intact', async () => {
    assert.deepStrictEqual(await childLabels(await nodeAt(production)), [prodGroup, 'rg-Zürich-vpn']);
    assert.deepStrictEqual(await childLabels(await nodeAt(lab)), ['rg-idle-gateway_(test)', 'rg-lab.vpn-eastus']);
  });

  it('shows VPN and ExpressRoute gateways with their own icons, SKU and active-active', async () => {
    const gateways = await childrenOf(await nodeAt(production, prodGroup));
    assert.deepStrictEqual(gateways.map(labelOf), ['ergw-prod-we', 'vgw-prod-we']);
    const [expressRoute, vpn] = gateways;
    assert.strictEqual(descriptionOf(vpn), 'VpnGw2AZ · active-active');
    assert.notStrictEqual(iconOf(vpn), iconOf(expressRoute));
    assert.ok(contextTokensOf(vpn).includes('vpnGateway'));
    assert.ok(!contextTokensOf(expressRoute).includes('vpnGateway'));
  });

  it('shows each connection with its type and status, and key commands only where there is a key', async () => {
    const connections = await childrenOf(await nodeAt(production, prodGroup, 'vgw-prod-we'));
    const shown = Object.fromEntries(connections.map((node) => [labelOf(node), descriptionOf(node)]));
    assert.deepStrictEqual(shown, {
      'cn-prod-we-frankfurt-cert': 'Connected · IPsec',
      'cn-prod-we-lyon': 'Connecting · IPsec',
      'cn-prod-we-paris': 'Connected · IPsec',
      'cn-prod-we-zurich': 'Connected · Vnet2Vnet',
      'BGP Peers': 'AS 65010',
    });
    const withKey = connections.filter((node) => contextTokensOf(node).includes('sharedKey')).map(labelOf);
    assert.deepStrictEqual(withKey, ['cn-prod-we-lyon', 'cn-prod-we-paris', 'cn-prod-we-zurich']);
    const paris = connections.find((node) => labelOf(node) === 'cn-prod-we-paris')!;
    assert.match(String(paris.getTreeItem().tooltip), /Peer: lgw-paris-office/);
  });

  it('reads Azure over connections kept open: walking every level opens far fewer connections than it sends requests', async () => {
    const since = await requestCount();
    for (const subscription of await childrenOf()) {
      for (const group of await childrenOf(subscription)) {
        for (const gateway of await childrenOf(group)) await childrenOf(gateway);
      }
    }
    const reads = (await requestsSince(since)).filter((request) => request.path.startsWith('/subscriptions/'));
    const connections = new Set(reads.map((request) => request.connection));
    assert.ok(reads.length >= 10, `the walk sent only ${reads.length} requests to Azure`);
    // One level after another: every request could use the same connection. VS Code's proxy support closes each one unless asked not to.
    assert.ok(connections.size <= reads.length / 4, `${reads.length} requests came on ${connections.size} connections: most opened a new one (TCP and TLS handshakes)`);
  });

  it('redraws a row without reloading what is under it: an expanded gateway repainted asks Azure for nothing', async () => {
    const api = await extensionApi();
    const tree = api.treeDataProvider;
    // From here on the test and VS Code see the same nodes: a level read again unannounced (as nodeAt does) would leave VS Code with others.
    tree.refresh();
    let gateway: TreeNode | undefined;
    for (const label of [production, prodGroup, 'vgw-prod-we']) gateway = (await tree.getChildren(gateway)).find((node) => labelOf(node) === label);
    assert.ok(gateway, 'vgw-prod-we is not in the tree');
    const asked: string[] = [];
    const getChildren = tree.getChildren.bind(tree);
    tree.getChildren = (node) => {
      asked.push(node?.id ?? '');
      return getChildren(node);
    };
    try {
      await vscode.commands.executeCommand('azureVpn.connections.focus');
      await api.treeView.reveal(gateway, { expand: true, select: false, focus: false });
      await eventually('VS Code shows the gateway expanded', () => api.treeView.visible && asked.includes(gateway.id));
      asked.length = 0;
      const mark = await requestCount();
      tree.redraw(gateway);
      await eventually('VS Code asked for the gateway’s children again', () => asked.includes(gateway.id));
      assert.deepStrictEqual(armReads(await requestsSince(mark)), [], 'a redraw read Azure');

      tree.refresh(gateway);
      await eventually('a refresh reads the gateway’s connections again', async () => armReads(await requestsSince(mark)).some((path) => path.endsWith('/vgw-prod-we/connections')));
    } finally {
      tree.getChildren = getChildren;
    }
  });

  it('gives ExpressRoute connections no key commands', async () => {
    const [circuit] = await childrenOf(await nodeAt(production, prodGroup, 'ergw-prod-we'));
    assert.strictEqual(labelOf(circuit), 'cn-prod-we-expressroute');
    assert.match(descriptionOf(circuit), /^Connected · ExpressRoute/);
    assert.ok(!contextTokensOf(circuit).includes('sharedKey'));
  });

  it('says so when a gateway has no connections', async () => {
    assert.deepStrictEqual(await childLabels(await nodeAt(lab, 'rg-idle-gateway_(test)', 'vgw-idle-test')), ['No connections on this gateway']);
  });

  it('shows a failing branch as an error item with the reason, keeps the rest, and loads it again on retry', async () => {
    await emulator().addFault({ method: 'GET', pathPattern: '/resourceGroups/rg-Zürich-vpn/providers/Microsoft.Network/virtualNetworkGateways$', status: 403, count: 1 });
    const zurich = await nodeAt(production, 'rg-Zürich-vpn');
    const [errorItem] = await childrenOf(zurich);
    assert.strictEqual(labelOf(errorItem), 'Could not load gateways');
    assert.match(descriptionOf(errorItem), /permission/i);
    assert.deepStrictEqual(await childLabels(await nodeAt(production, prodGroup)), ['ergw-prod-we', 'vgw-prod-we']);

    const retry = errorItem.getTreeItem().command!;
    assert.strictEqual(retry.command, 'azureVpn.refresh');
    await runCommand(retry.command, new TestUserInput(), ...(retry.arguments ?? []));
    assert.deepStrictEqual(await childLabels(zurich), ['vgw-zrh-01']);
  });

  it('shows only the subscriptions in azureVpn.subscriptions', async () => {
    const settings = vscode.workspace.getConfiguration('azureVpn');
    await settings.update('subscriptions', [LAB_SUBSCRIPTION_ID], vscode.ConfigurationTarget.Global);
    try {
      await eventually('only the Lab subscription shows', async () => (await childLabels()).join() === lab);
    } finally {
      await settings.update('subscriptions', undefined, vscode.ConfigurationTarget.Global);
    }
    await eventually('both subscriptions show again', async () => (await childLabels()).join() === [lab, production].join());
  });
});
