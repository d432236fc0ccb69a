// The whole fleet at once: the Connections tree discovered through Azure Resource Graph
// (azureVpn.discovery = resourceGraph, since the emulator is a custom cloud), with a subscription
// that holds no gateway beside the default data; Go to Connection…, Show Only Problems and its
// badge; Graph's lag covered by the session's own writes; the fallback to the Resource Manager walk.
// It collapses the view before and after: Go to Connection… leaves the view expanded where it
// revealed, and an expanded gateway reads its connections again on every reload.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/defaultData';
import type { RequestLogEntry } from '../../emulator/types';
import type { TreeNode } from '../../../src/tree/treeNode';
import { connectionInEmulator, emulator, requestCount, requestsSince, type ConnectionPlace } from '../support/emulator';
import { childLabels, childrenOf, descriptionOf, eventually, extensionApi, labelOf, nodeAt, runCommand, updateSetting, userSetting } from '../support/extensionUnderTest';
import { signInAgain } from '../support/faults';
import { TestUserInput } from '../support/testUserInput';

const production = 'Contoso Networking (Production)';
const lab = 'Contoso Networking (Lab)';
const marketing = { id: '0d5c2b4a-1e3f-4a6b-8c7d-9e0f1a2b3c4d', name: 'Contoso Marketing' };
const prodGroup = 'rg-vpn.prod(westeurope)_01';
const hint = '1 subscription without gateways hidden';
const graphPath = '/providers/Microsoft.ResourceGraph/resources';

function graphQueries(requests: RequestLogEntry[]): RequestLogEntry[] {
  return requests.filter((request) => request.path === graphPath);
}

function listsOf(requests: RequestLogEntry[]): string[] {
  return requests.filter((request) => request.method === 'GET' && request.path.startsWith('/subscriptions')).map((request) => request.path);
}

/** The connections not Connected, as Azure has them now. */
async function problemsInAzure(): Promise<string[]> {
  const state = await emulator().state();
  return state.subscriptions
    .flatMap((subscription) => subscription.resourceGroups.flatMap((group) => group.connections))
    .filter((connection) => connection.properties.connectionStatus !== 'Connected')
    .map((connection) => connection.name)
    .sort();
}

/** What the view shows under a node (the root when none), Show Only Problems applied. */
async function shownUnder(node?: TreeNode): Promise<string[]> {
  return (await (await extensionApi()).treeDataProvider.getChildren(node)).map(labelOf);
}

/** Collapses every row of the view: an expanded gateway would read its connections again, in the background, on each reload. */
async function collapseView(): Promise<void> {
  await vscode.commands.executeCommand('workbench.actions.treeView.azureVpn.connections.collapseAll');
}

describe('Fleet through Azure Resource Graph', () => {
  const saved = { discovery: userSetting('azureVpn.discovery'), showAll: userSetting('azureVpn.showSubscriptionsWithoutGateways') };

  before(async () => {
    // Earlier suites leave gateways expanded: the reloads below would read their connections while these tests count requests.
    await collapseView();
    // A new session, as after signing in again: the writes earlier suites made are not this session's to lay over Graph.
    await signInAgain();
    await emulator().reset();
    await emulator().addSubscription(marketing.id, marketing.name);
    await updateSetting('azureVpn.discovery', 'resourceGraph');
  });

  afterEach(async () => {
    await emulator().reset();
    await emulator().addSubscription(marketing.id, marketing.name);
    await updateSetting('azureVpn.showSubscriptionsWithoutGateways', saved.showAll);
    await runCommand('azureVpn.showAllConnections', new TestUserInput());
  });

  after(async () => {
    await collapseView();
    await updateSetting('azureVpn.discovery', saved.discovery);
    await emulator().reset();
    (await extensionApi()).treeDataProvider.refresh();
  });

  it('shows only the subscriptions that hold gateways, says how many are hidden, and shows them all when asked', async () => {
    const mark = await requestCount();
    assert.deepStrictEqual(await childLabels(), [lab, production, hint]);
    const seen = await requestsSince(mark);
    assert.strictEqual(graphQueries(seen).length, 2, 'two queries for the first level, none per node (every connection only when searched)');
    assert.deepStrictEqual(listsOf(seen), [], 'no Resource Manager walk for the first level');
    const hintNode = (await childrenOf()).find((node) => labelOf(node) === hint)!;
    assert.deepStrictEqual(hintNode.getTreeItem().command?.arguments, ['azureVpn.showSubscriptionsWithoutGateways']);

    await updateSetting('azureVpn.showSubscriptionsWithoutGateways', true);
    await eventually('every subscription shows', async () => (await childLabels()).join() === [marketing.name, lab, production].join());
    const before = await requestCount();
    assert.deepStrictEqual(await childLabels(await nodeAt(marketing.name)), ['No resource groups with gateways in this subscription']);
    assert.deepStrictEqual(listsOf(await requestsSince(before)), [], 'what Graph found needs no request to show');
  });

  it('shows groups and gateways as Graph found them and each gateway’s connections live, one Resource Manager request per group', async () => {
    assert.deepStrictEqual(await childLabels(await nodeAt(production)), [prodGroup, 'rg-Zürich-vpn']);
    const gateways = await childrenOf(await nodeAt(production, prodGroup));
    assert.deepStrictEqual(gateways.map(labelOf), ['ergw-prod-we', 'vgw-prod-we']);
    assert.strictEqual(descriptionOf(gateways[1]), 'VpnGw2AZ · active-active');
    assert.match(String(gateways[1].getTreeItem().tooltip), /Azure Resource Graph/);
    const mark = await requestCount();
    const connections = await childrenOf(gateways[1]);
    assert.deepStrictEqual(Object.fromEntries(connections.map((node) => [labelOf(node), descriptionOf(node)])), {
      'cn-prod-we-frankfurt-cert': 'Connected · IPsec',
      'cn-prod-we-lyon': 'Connecting · IPsec',
      'cn-prod-we-paris': 'Connected · IPsec',
      'cn-prod-we-zurich': 'Connected · Vnet2Vnet',
    });
    assert.deepStrictEqual(listsOf(await requestsSince(mark)), [`/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourceGroups/${prodGroup}/providers/Microsoft.Network/connections`]);
  });

  it('Go to Connection… offers every connection of the fleet and reveals the one chosen, three levels deep', async () => {
    const api = await extensionApi();
    api.treeDataProvider.refresh();
    const input = await runCommand('azureVpn.goToConnection', new TestUserInput().pick('Go to Connection', 'cn-zrh-geneva'));
    const offered = input.offered[0];
    const everyConnection = (await emulator().state()).subscriptions.flatMap((s) => s.resourceGroups.flatMap((g) => g.connections.map((c) => c.name)));
    assert.deepStrictEqual([...offered.labels].sort(), everyConnection.sort());
    const geneva = offered.descriptions[offered.labels.indexOf('cn-zrh-geneva')];
    assert.strictEqual(geneva, 'Not connected (Resource Graph) · IPsec', 'a status not read live says where it comes from');
    await eventually('the connection is selected in the view', () => api.treeView.selection.map(labelOf).join() === 'cn-zrh-geneva');
    const selected = api.treeView.selection[0];
    const path = [selected.getParent?.(), selected.getParent?.()?.getParent?.(), selected.getParent?.()?.getParent?.()?.getParent?.()].map((node) => node && labelOf(node));
    assert.deepStrictEqual(path, ['vgw-zrh-01', 'rg-Zürich-vpn', production]);
  });

  it('Show Only Problems shows only connections not connected and the levels above them, and counts them on the view’s badge', async () => {
    const api = await extensionApi();
    const problems = await problemsInAzure();
    await runCommand('azureVpn.showOnlyProblems', new TestUserInput());
    await eventually('the badge counts the problems', () => api.treeView.badge?.value === problems.length);
    assert.match(api.treeView.badge?.tooltip ?? '', new RegExp(`^${problems.length} connections not connected`));
    const prodGateway = await nodeAt(production, prodGroup, 'vgw-prod-we');
    assert.deepStrictEqual(await shownUnder(prodGateway), ['cn-prod-we-lyon']);
    const group = await nodeAt(production, prodGroup);
    // Until Graph's connections arrive, a gateway not opened yet may hold problems: it shows.
    await eventually('the ExpressRoute gateway, all connected, is hidden', async () => (await shownUnder(group)).join() === 'vgw-prod-we');

    await runCommand('azureVpn.showAllConnections', new TestUserInput());
    assert.strictEqual(api.treeView.badge, undefined);
    assert.deepStrictEqual(await shownUnder(prodGateway), ['cn-prod-we-frankfurt-cert', 'cn-prod-we-lyon', 'cn-prod-we-paris', 'cn-prod-we-zurich']);
  });

  it('after a delete and a create, a refresh neither brings the deleted connection back nor hides the new one while Graph lags', async () => {
    await emulator().setConfig({ graphLagMs: 600_000 });
    const gatewayPath = [production, prodGroup, 'vgw-prod-we'];
    await runCommand('azureVpn.deleteConnection', new TestUserInput().choose("Delete the connection 'cn-prod-we-lyon'?", 'Delete'), await nodeAt(...gatewayPath, 'cn-prod-we-lyon'));
    const created: ConnectionPlace = { subscriptionId: PRODUCTION_SUBSCRIPTION_ID, resourceGroup: prodGroup, name: 'cn-prod-we-nantes' };
    await runCommand(
      'azureVpn.createConnection',
      new TestUserInput()
        .type('name (1/6)', created.name)
        .pick('type (2/6)', 'Site-to-site (IPsec)')
        .pick('other end (3/6)', 'lgw-partner-hq')
        .type('shared key (4/6)', 'A key for the Nantes office')
        .pick('IKE version (5/6)', 'IKEv2')
        .pick('review (6/6)', 'Create'),
      await nodeAt(...gatewayPath),
    );
    assert.ok(await connectionInEmulator(created));
    (await extensionApi()).treeDataProvider.refresh();
    assert.deepStrictEqual(await childLabels(await nodeAt(...gatewayPath)), ['cn-prod-we-frankfurt-cert', 'cn-prod-we-nantes', 'cn-prod-we-paris', 'cn-prod-we-zurich']);
    const input = await runCommand('azureVpn.goToConnection', new TestUserInput().dismiss('Go to Connection'));
    assert.ok(!input.offered[0].labels.includes('cn-prod-we-lyon'), 'search brings the deleted connection back');
    assert.ok(input.offered[0].labels.includes('cn-prod-we-nantes'), 'search hides the new connection');
  });

  it('walks Resource Manager instead when Graph refuses the query (403) or is throttled', async () => {
    for (const fault of ['forbidden', 'throttled'] as const) {
      if (fault === 'forbidden') await emulator().addFault({ method: 'POST', pathPattern: `^${graphPath}$`, status: 403, errorCode: 'AuthorizationFailed', count: 2 });
      else await emulator().setConfig({ graphQuota: { queriesPerWindow: 1, windowMs: 60_000 } });
      const mark = await requestCount();
      // The walk shows every subscription, the empty one too.
      assert.deepStrictEqual(await childLabels(), [marketing.name, lab, production], `after Graph was ${fault}`);
      assert.ok(listsOf(await requestsSince(mark)).includes('/subscriptions'), `the walk lists the subscriptions after Graph was ${fault}`);
      assert.deepStrictEqual(await childLabels(await nodeAt(production)), [prodGroup, 'rg-Zürich-vpn']);
      await emulator().reset();
      await emulator().addSubscription(marketing.id, marketing.name);
    }
    // The extension keeps to Graph's quota for a minute; a new sign-in starts afresh.
    (await extensionApi()).setVsCodeTokenSourceForTests(undefined);
  });

  it('walks Resource Manager in a custom cloud unless told otherwise (azureVpn.discovery auto)', async () => {
    await updateSetting('azureVpn.discovery', 'auto');
    try {
      const mark = await requestCount();
      assert.deepStrictEqual(await childLabels(), [marketing.name, lab, production]);
      assert.deepStrictEqual(graphQueries(await requestsSince(mark)), []);
    } finally {
      await updateSetting('azureVpn.discovery', 'resourceGraph');
    }
    await eventually('Graph is used again', async () => (await childLabels()).join() === [lab, production, hint].join());
  });
});
