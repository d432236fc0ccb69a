// Palette pickers drawn from the tree: the walk over a tree's own children, filtered by context
// values. The trees here are built from the same looks the Connections view shows (treeModel.ts).
import * as assert from 'assert';
import type * as vscode from 'vscode';
import { contextValue, connectionLook, gatewayLook, resourceGroupLook, subscriptionLook, type ItemLook } from '../../../src/tree/treeModel';
import { UserCancelledError } from '../../../src/ui/cancelled';
import { pickFromTree, type NodeFilter, type PickableTree } from '../../../src/ui/treePicker';
import { TestUserInput } from '../../integration/support/testUserInput';
import { connection, gateway, subscription } from '../tree/sampleModel';

interface FakeNode {
  look: ItemLook;
  /** Present: the node has children (what they are called, and the children themselves). */
  children?: { type: string; nodes: FakeNode[] | Error };
  /** The only kinds below it, when it says. */
  kindsBelow?: string[];
}

const Collapsed = 1; // vscode.TreeItemCollapsibleState.Collapsed

class FakeTree implements PickableTree<FakeNode> {
  readonly loaded: string[] = [];
  constructor(private readonly root: { type: string; nodes: FakeNode[] }) {}

  async getChildren(node?: FakeNode): Promise<FakeNode[]> {
    this.loaded.push(node?.look.label ?? '(root)');
    const children = node ? node.children : this.root;
    if (!children) return [];
    if (children.nodes instanceof Error) return [errorItem(children.nodes)];
    return children.nodes;
  }

  getTreeItem(node: FakeNode): vscode.TreeItem {
    const { look } = node;
    return { label: look.label, description: look.description, contextValue: look.contextValue, collapsibleState: node.children ? Collapsed : 0 };
  }

  childTypeLabel(node: FakeNode | undefined): string {
    return (node ? node.children?.type : this.root.type) ?? 'item';
  }

  failureOf(node: FakeNode): unknown {
    return (node as FakeNode & { failure?: unknown }).failure;
  }

  kindsBelow(node: FakeNode): readonly string[] | undefined {
    return node.kindsBelow;
  }
}

function errorItem(failure: Error): FakeNode {
  return Object.assign({ look: { label: 'Could not load', tooltip: '', icon: { id: 'error' }, contextValue: contextValue('error') } }, { failure });
}

const keyCommand: NodeFilter = { kind: 'connection', require: { gateway: ['vpnGateway'], connection: ['sharedKey'] }, description: 'connections with a shared key' };

function connections(...nodes: FakeNode[]) {
  return { type: 'connection', nodes };
}

function leaf(look: ItemLook): FakeNode {
  return { look };
}

const ui = (input: TestUserInput) => ({ input, whileLoading: <T>(run: () => Thenable<T>) => Promise.resolve(run()) });

/** Two subscriptions; Production holds a group with an ExpressRoute gateway and a VPN gateway. */
function fleet(vpnConnections: FakeNode[]) {
  const vpn: FakeNode = { look: gatewayLook(gateway('vgw-1')), children: connections(...vpnConnections) };
  const expressRoute: FakeNode = { look: gatewayLook(gateway('ergw-1', { kind: 'ExpressRoute' })), children: connections(leaf(connectionLook(connection('circuit', { type: 'ExpressRoute', hasSharedKey: false })))) };
  const group: FakeNode = { look: resourceGroupLook({ subscriptionId: 'sub-1', name: 'rg-net' }), children: { type: 'virtual network gateway', nodes: [expressRoute, vpn] } };
  const production: FakeNode = { look: subscriptionLook(subscription('sub-1', 'Production')), children: { type: 'resource group', nodes: [group, { look: resourceGroupLook({ subscriptionId: 'sub-1', name: 'rg-other' }), children: { type: 'virtual network gateway', nodes: [] } }] } };
  const lab: FakeNode = { look: subscriptionLook(subscription('sub-2', 'Lab')), children: { type: 'resource group', nodes: [] } };
  return new FakeTree({ type: 'subscription', nodes: [lab, production] });
}

describe('palette pickers drawn from the tree', () => {
  it('asks level by level, offers only VPN gateways and connections with a shared key, with type and status', async () => {
    const tree = fleet([
      leaf(connectionLook(connection('site-a'))),
      leaf(connectionLook(connection('site-b', { status: 'NotConnected' }))),
      leaf(connectionLook(connection('cert', { authenticationType: 'Certificate', hasSharedKey: false }))),
    ]);
    const input = new TestUserInput().pick('Select a subscription', 'Production').pick('Select a resource group', 'rg-net').pick('Select a connection', 'site-b');
    const picked = await pickFromTree(tree, keyCommand, 'Reset Shared Key', ui(input));
    assert.strictEqual(picked.look.label, 'site-b');
    input.assertAllAnswered();
    assert.deepStrictEqual(
      input.offered.map((pick) => pick.labels),
      [['Lab', 'Production'], ['rg-net', 'rg-other'], ['site-a', 'site-b']],
      'the ExpressRoute gateway or the certificate connection was offered, or the one VPN gateway was asked',
    );
    assert.deepStrictEqual(input.prompts[2], "Reset Shared Key — virtual network gateway 'vgw-1' | Select a connection", 'the title does not name the gateway that was chosen alone');
    assert.strictEqual(tree.loaded.includes('ergw-1'), false, 'the ExpressRoute gateway was opened');
  });

  it('a new level and a new node kind are pickable with no picker code', async () => {
    const tunnel = (name: string): FakeNode => leaf({ label: name, description: 'Connected', tooltip: '', icon: { id: 'pulse' }, contextValue: contextValue('tunnel') });
    const withTunnels: FakeNode = { look: connectionLook(connection('site-a')), children: { type: 'tunnel', nodes: [tunnel('tunnel 1'), tunnel('tunnel 2')] } };
    const region: FakeNode = { look: { label: 'westeurope', tooltip: '', icon: { id: 'globe' }, contextValue: contextValue('region') }, children: { type: 'connection', nodes: [withTunnels] } };
    const tree = new FakeTree({ type: 'region', nodes: [region, { ...region, look: { ...region.look, label: 'eastus' } }] });
    const input = new TestUserInput().pick('Select a region', 'westeurope').pick('Select a tunnel', 'tunnel 2');
    const picked = await pickFromTree(tree, { kind: 'tunnel', description: 'tunnels' }, 'Show Tunnel', ui(input));
    assert.strictEqual(picked.look.label, 'tunnel 2');
    assert.match(input.prompts[1], /^Show Tunnel — connection 'site-a' \| Select a tunnel$/);
  });

  it('says so when a level holds nothing the command can use, and asks nothing more', async () => {
    const tree = fleet([leaf(connectionLook(connection('cert', { authenticationType: 'Certificate', hasSharedKey: false })))]);
    const input = new TestUserInput().pick('Select a subscription', 'Production').pick('Select a resource group', 'rg-net');
    await assert.rejects(pickFromTree(tree, keyCommand, 'View Shared Key', ui(input)), UserCancelledError);
    assert.deepStrictEqual(input.messages.map((shown) => shown.message), ["No connections with a shared key in 'vgw-1'."]);
  });

  it('reports a level that failed to load instead of offering its error item', async () => {
    const refused = new Error('You do not have permission for this.');
    const tree = new FakeTree({ type: 'subscription', nodes: [{ look: subscriptionLook(subscription('sub-1', 'Production')), children: { type: 'resource group', nodes: refused } }] });
    await assert.rejects(pickFromTree(tree, keyCommand, 'Copy Shared Key', ui(new TestUserInput())), (error) => error === refused);
  });

  it('starts at the node the command was started on: the node itself, or a walk from it', async () => {
    const tree = fleet([leaf(connectionLook(connection('site-a'))), leaf(connectionLook(connection('site-b')))]);
    const [, production] = await tree.getChildren();
    const [group] = await tree.getChildren(production);
    const [, vpn] = await tree.getChildren(group);
    const [siteA] = await tree.getChildren(vpn);
    assert.strictEqual(await pickFromTree(tree, keyCommand, 'Copy Shared Key', ui(new TestUserInput()), siteA), siteA);
    const input = new TestUserInput().pick('Select a connection', 'site-b');
    assert.strictEqual((await pickFromTree(tree, keyCommand, 'Copy Shared Key', ui(input), group)).look.label, 'site-b');
    assert.strictEqual(input.offered.length, 1, 'asked for more than the connection');
  });

  it('refuses a node of the right kind that lacks what the command needs', async () => {
    const tree = fleet([]);
    const [, production] = await tree.getChildren();
    const [group] = await tree.getChildren(production);
    const [expressRoute] = await tree.getChildren(group);
    const input = new TestUserInput();
    await assert.rejects(pickFromTree(tree, { kind: 'gateway', require: { gateway: ['vpnGateway'] }, description: 'VPN gateways' }, 'Create Connection', ui(input), expressRoute), UserCancelledError);
    assert.deepStrictEqual(input.messages.map((shown) => shown.message), ["'ergw-1' is not one of the VPN gateways."]);
  });

  it('does not open a node whose kinds below rule out what the command needs', async () => {
    const detail = (label: string, kind: string): FakeNode => leaf({ label, tooltip: '', icon: { id: 'info' }, contextValue: contextValue(kind) });
    const site = (name: string): FakeNode => ({ look: connectionLook(connection(name)), children: { type: 'detail', nodes: [detail('Tunnel 1', 'tunnel')] }, kindsBelow: ['tunnel'] });
    const peers: FakeNode = { look: { label: 'BGP Peers', tooltip: '', icon: { id: 'type-hierarchy' }, contextValue: contextValue('bgpPeers') }, children: { type: 'BGP peer', nodes: [detail('169.254.21.1', 'bgpPeer')] }, kindsBelow: ['bgpPeer'] };
    const vpn: FakeNode = { look: gatewayLook(gateway('vgw-1')), children: { type: 'connection', nodes: [site('site-a'), site('site-b'), peers] } };
    const tree = new FakeTree({ type: 'virtual network gateway', nodes: [vpn] });

    const input = new TestUserInput().pick('Select a connection', 'site-a');
    await pickFromTree(tree, keyCommand, 'Copy Shared Key', ui(input));
    assert.deepStrictEqual(input.offered[0].labels, ['site-a', 'site-b'], 'BGP Peers was offered as a way to a connection');
    const peer = await pickFromTree(tree, { kind: 'bgpPeer', description: 'BGP peers' }, 'Show Advertised Routes', ui(new TestUserInput().pick('Select a BGP peer', '169.254.21.1')));
    assert.strictEqual(peer.look.label, '169.254.21.1');
    assert.ok(!tree.loaded.includes('site-a'), 'a connection was opened looking for a BGP peer');
  });
});
