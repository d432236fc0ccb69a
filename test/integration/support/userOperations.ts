// Every operation that talks to Azure, run as a user runs it (from its tree node, with scripted
// answers), for the fault matrix: each says where a fault aimed at it lands, what a normal run shows,
// and how to check in the emulator and the tree whether it took effect.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/defaultData';
import type { RequestLogEntry } from '../../emulator/types';
import { sameResourceId } from '../../../src/azure/resourceId';
import type { TreeNode } from '../../../src/tree/treeNode';
import {
  connectionInEmulator,
  literally,
  lyon,
  paris,
  parisInTree,
  requestCount,
  requestsSince,
  sharedKeyInEmulator,
  type ConnectionPlace,
} from './emulator';
import { childLabels, childrenOf, contextTokensOf, descriptionOf, extensionApi, labelOf, nodeAt, runCommand, watchTreeRefreshes } from './extensionUnderTest';
import { sameKey } from './keyAssertions';
import { TestUserInput } from './testUserInput';

const production = 'Contoso Networking (Production)';
const prodGroup = 'rg-vpn.prod(westeurope)_01';
export const gatewayInTree = [production, prodGroup, 'vgw-prod-we'];
export const gatewayId = `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourceGroups/${prodGroup}/providers/Microsoft.Network/virtualNetworkGateways/vgw-prod-we`;
const marseille: ConnectionPlace = { subscriptionId: PRODUCTION_SUBSCRIPTION_ID, resourceGroup: prodGroup, name: 'cn-prod-we-marseille' };
export const chosenKey = 'Chosen key, 4 the peer';

export interface RequestMatch {
  method: string;
  pathPattern: string;
}

/** One run of an operation, for the checks. */
export interface Attempt {
  /** What the user saw: each message and prompt of a command; each item ("label — description") of a tree level. */
  shown: string[];
  input: TestUserInput;
  /** Tree ids the tree asked VS Code to redraw or reload while it ran ('' = the whole tree). */
  refreshed: string[];
  /** What the emulator received while it ran. */
  requests: RequestLogEntry[];
  tookEffect(): Promise<void>;
  changedNothing(): Promise<void>;
  /** After the user stopped waiting for an operation Azure never finishes: the tree shows it still running. */
  stillRunning(): Promise<void>;
  /** After a long-running operation failed: the tree read again what it was about. */
  readAgain(): Promise<void>;
  /** The user refreshes what the operation was started from. */
  refresh(): Promise<void>;
}

export interface Run {
  /** Sets the fault up once the operation's node is loaded, right before the user starts it. */
  inject(): Promise<void>;
  /** Answers for what the fault makes the extension ask. */
  answers(input: TestUserInput): TestUserInput;
  /** Whether the user gets as far as the normal result (and so answers its prompts). */
  succeeds: boolean;
}

export interface Operation {
  name: string;
  /** The connection it works on, if any. */
  connection?: ConnectionPlace;
  /** Its first request of its own: where a fault aimed at the operation lands. */
  request: RequestMatch;
  /** One line a normal run shows. */
  normalResult: RegExp;
  /** In words, for test names. */
  effect: string;
  noEffect: string;
  run(how: Run): Promise<Attempt>;
}

/** Requests to Azure Resource Manager, not to the token endpoint. */
export function armRequests(requests: RequestLogEntry[]): RequestLogEntry[] {
  return requests.filter((request) => !request.path.includes('/oauth2/'));
}

export function matching(requests: RequestLogEntry[], match: RequestMatch): RequestLogEntry[] {
  const pattern = new RegExp(match.pathPattern, 'i');
  return requests.filter((request) => request.method === match.method && pattern.test(request.path));
}

/** For a check that makes no sense for the operation: a row asking for it is a mistake in the table. */
function noSuchCheck(operation: string, check: string): () => Promise<void> {
  return () => Promise.reject(new Error(`the fault matrix has no "${check}" check for ${operation}`));
}

// ---- the tree, level by level ----

function treeLevel(name: string, parentInTree: string[], request: RequestMatch, everything: string[]): Operation {
  const parentOf = () => (parentInTree.length ? nodeAt(...parentInTree) : Promise.resolve(undefined));
  return {
    name: `Tree: ${name}`,
    request,
    normalResult: new RegExp(`^${literally(everything[0])} — `),
    effect: `all ${everything.length} listed`,
    noEffect: 'only an error item with a retry (no half list); the retry lists them all',
    async run(how) {
      const parent = await parentOf();
      await how.inject();
      const mark = await requestCount();
      const watch = await watchTreeRefreshes();
      const children = await childrenOf(parent).finally(() => watch.stop());
      const attempt: Attempt = {
        shown: await treeLines(children),
        input: new TestUserInput(),
        refreshed: watch.refreshed,
        requests: await requestsSince(mark),
        tookEffect: async () => assert.deepStrictEqual(children.map(labelOf), everything),
        changedNothing: async () => {
          assert.deepStrictEqual(children.map(labelOf), [`Could not load ${name}`], 'only the error item, nothing from the pages that loaded');
          const retry = children[0].getTreeItem().command;
          assert.strictEqual(retry?.command, 'azureVpn.refresh', 'the error item has no retry');
          await runCommand(retry.command, new TestUserInput(), ...(retry.arguments ?? []));
          assert.deepStrictEqual(await childLabels(await parentOf()), everything, 'the retry does not list them all');
        },
        stillRunning: noSuchCheck(name, 'still running'),
        readAgain: noSuchCheck(name, 'read again'),
        refresh: noSuchCheck(name, 'refresh'),
      };
      return attempt;
    },
  };
}

/** The tree's items in words; an empty, signed-out tree is where VS Code shows the welcome view. */
async function treeLines(children: TreeNode[]): Promise<string[]> {
  if (children.length === 0 && (await extensionApi()).treeDataProvider.signInState === 'signedOut') {
    return ['the welcome view: Sign in to Azure…'];
  }
  return children.map((child) => `${labelOf(child)} — ${descriptionOf(child)}`);
}

export const subscriptionsLevel = treeLevel(
  'subscriptions',
  [],
  { method: 'GET', pathPattern: '^/subscriptions$' },
  ['Contoso Networking (Lab)', production],
);

export const resourceGroupsLevel = treeLevel(
  'resource groups',
  [production],
  { method: 'GET', pathPattern: `^/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resources$` },
  [prodGroup, 'rg-Zürich-vpn'],
);

export const gatewaysLevel = treeLevel(
  'gateways',
  [production, prodGroup],
  { method: 'GET', pathPattern: `/resourceGroups/${literally(prodGroup)}/providers/Microsoft\\.Network/virtualNetworkGateways$` },
  ['ergw-prod-we', 'vgw-prod-we'],
);

export const connectionsLevel = treeLevel(
  'connections',
  gatewayInTree,
  { method: 'GET', pathPattern: '/virtualNetworkGateways/vgw-prod-we/connections$' },
  ['cn-prod-we-frankfurt-cert', 'cn-prod-we-lyon', 'cn-prod-we-paris', 'cn-prod-we-zurich', 'BGP Peers'],
);

// ---- commands ----

interface CommandSpec<Before> {
  name: string;
  command: string;
  connection?: ConnectionPlace;
  /** The node it is started from. */
  nodeInTree: string[];
  request: RequestMatch;
  normalResult: RegExp;
  effect: string;
  noEffect: string;
  /** The answers of a normal run; `succeeds` false leaves out what only a successful run asks. */
  answers(input: TestUserInput, succeeds: boolean): TestUserInput;
  /** What the checks compare with, read before the run. */
  before(): Promise<Before>;
  tookEffect(attempt: CommandAttempt, before: Before): Promise<void>;
  changedNothing(attempt: CommandAttempt, before: Before): Promise<void>;
  stillRunning?(attempt: CommandAttempt, before: Before): Promise<void>;
  readAgain?(attempt: CommandAttempt): Promise<void>;
}

interface CommandAttempt extends Attempt {
  /** The node the command was started from, as the tree holds it now. */
  node: TreeNode;
}

export function command<Before>(spec: CommandSpec<Before>): Operation {
  return {
    name: spec.name,
    connection: spec.connection,
    request: spec.request,
    normalResult: spec.normalResult,
    effect: spec.effect,
    noEffect: spec.noEffect,
    async run(how) {
      const node = await nodeAt(...spec.nodeInTree);
      const before = await spec.before();
      await how.inject();
      const mark = await requestCount();
      const watch = await watchTreeRefreshes();
      const input = how.answers(spec.answers(new TestUserInput(), how.succeeds));
      await runCommand(spec.command, input, node).finally(() => watch.stop());
      const opened = vscode.window.activeTextEditor?.document.uri.path;
      const attempt: CommandAttempt = {
        shown: [...input.messages.map((shown) => shown.message), ...input.prompts, ...(opened ? [`opened ${opened}`] : [])],
        input,
        refreshed: watch.refreshed,
        requests: await requestsSince(mark),
        node,
        tookEffect: () => spec.tookEffect(attempt, before),
        changedNothing: () => spec.changedNothing(attempt, before),
        stillRunning: () => (spec.stillRunning ?? noSuchCheck(spec.name, 'still running'))(attempt, before),
        readAgain: () => (spec.readAgain ?? noSuchCheck(spec.name, 'read again'))(attempt),
        refresh: async () => void (await runCommand('azureVpn.refresh', new TestUserInput(), node)),
      };
      return attempt;
    },
  };
}

function sharedKeyRequest(method: string, suffix = ''): RequestMatch {
  return { method, pathPattern: `/connections/cn-prod-we-paris/sharedkey${suffix}$` };
}

/** The node as the tree holds it now shows what Azure says about the connection. */
export async function nodeShowsAzureState(node: TreeNode, place: ConnectionPlace): Promise<void> {
  const inAzure = await connectionInEmulator(place);
  assert.ok(inAzure, `${place.name} is not in Azure`);
  const state = String(inAzure.properties.provisioningState);
  const description = descriptionOf(node);
  assert.ok(
    state === 'Succeeded' ? !/Updating|Deleting/.test(description) : description.includes(state),
    `the node says "${description}" while Azure says ${state}`,
  );
  assert.ok(contextTokensOf(node).includes('idle'), 'the node still shows an operation running');
}

/** The connection was read from Azure after its operation's last status poll (the tree redraws what it read). */
export function connectionReadAgain(place: ConnectionPlace): (attempt: Attempt) => Promise<void> {
  return async (attempt) => {
    const polls = attempt.requests.map((request, index) => (/\/operations\//.test(request.path) ? index : -1)).filter((index) => index >= 0);
    assert.ok(polls.length > 0, 'Azure was never asked how the operation went');
    const readsAfter = matching(attempt.requests.slice(polls[polls.length - 1] + 1), { method: 'GET', pathPattern: `/connections/${place.name}$` });
    assert.ok(readsAfter.length > 0, `the tree did not read ${place.name} again after the operation`);
  };
}

function gatewayReloaded(attempt: Attempt): void {
  assert.ok(attempt.refreshed.some((id) => sameResourceId(id, gatewayId)), 'the gateway was not reloaded');
}

async function keyUnchanged(before: string): Promise<void> {
  sameKey(await sharedKeyInEmulator(paris), before, 'the key in Azure');
}

export const viewKey = command({
  name: 'View Shared Key',
  connection: paris,
  command: 'azureVpn.viewSharedKey',
  nodeInTree: parisInTree,
  request: sharedKeyRequest('GET'),
  normalResult: /^Shared key of 'cn-prod-we-paris'$/,
  effect: 'the key Azure holds is shown',
  noEffect: 'no key shown',
  answers: (input, succeeds) => (succeeds ? input.showKey("Shared key of 'cn-prod-we-paris'", { reveal: true }) : input),
  before: () => Promise.resolve(undefined),
  async tookEffect(attempt) {
    assert.strictEqual(attempt.input.revealedKeys.length, 1, 'no key was shown');
    sameKey(attempt.input.revealedKeys[0], await sharedKeyInEmulator(paris), 'the key shown');
  },
  async changedNothing(attempt) {
    assert.deepStrictEqual(attempt.input.revealedKeys, [], 'a key was shown');
  },
});

export const copyKey = command({
  name: 'Copy Shared Key',
  connection: paris,
  command: 'azureVpn.copySharedKey',
  nodeInTree: parisInTree,
  request: sharedKeyRequest('GET'),
  normalResult: /^Copied the shared key of 'cn-prod-we-paris'/,
  effect: 'the key Azure holds is on the clipboard',
  noEffect: 'the clipboard is empty',
  answers: (input) => input,
  before: () => Promise.resolve(undefined),
  async tookEffect() {
    sameKey(await vscode.env.clipboard.readText(), await sharedKeyInEmulator(paris), 'the clipboard');
  },
  async changedNothing() {
    assert.ok((await vscode.env.clipboard.readText()) === '', 'something was put on the clipboard');
  },
});

/** What Set and Reset share: a long-running change of the key of cn-prod-we-paris. */
const parisKeyChange = {
  connection: paris,
  nodeInTree: parisInTree,
  before: () => sharedKeyInEmulator(paris),
  readAgain: connectionReadAgain(paris),
  stillRunning: (attempt: CommandAttempt) => nodeShowsAzureState(attempt.node, paris),
};

export const setKey = command({
  name: 'Set Shared Key',
  ...parisKeyChange,
  command: 'azureVpn.setSharedKey',
  request: sharedKeyRequest('PUT'),
  normalResult: /^The shared key of 'cn-prod-we-paris' is set/,
  effect: 'Azure holds the chosen key',
  noEffect: 'the key in Azure is unchanged and the chosen one is held',
  answers: (input) => input.type("Set Shared Key of 'cn-prod-we-paris'", chosenKey).choose("Set a new shared key on 'cn-prod-we-paris'?", 'Set Key'),
  async tookEffect(attempt) {
    sameKey(await sharedKeyInEmulator(paris), chosenKey, 'the key in Azure');
    assert.ok(!contextTokensOf(attempt.node).includes('heldKey'), 'the key is still held after Azure took it');
    await nodeShowsAzureState(attempt.node, paris);
  },
  async changedNothing(attempt, before) {
    await keyUnchanged(before);
    assert.ok(contextTokensOf(attempt.node).includes('heldKey'), 'the chosen key is not held');
    await nodeShowsAzureState(attempt.node, paris);
  },
});

export const resetKey = command({
  name: 'Reset Shared Key',
  ...parisKeyChange,
  command: 'azureVpn.resetSharedKey',
  request: sharedKeyRequest('POST', '/reset'),
  normalResult: /^The shared key of 'cn-prod-we-paris' was reset to a new 20-character key/,
  effect: 'Azure holds a new 20-character key',
  noEffect: 'the key in Azure is unchanged',
  answers: (input) => input.type("Reset Shared Key of 'cn-prod-we-paris'", '20').choose("Reset the shared key of 'cn-prod-we-paris'?", 'Reset Key'),
  async tookEffect(attempt, before) {
    const now = await sharedKeyInEmulator(paris);
    assert.strictEqual(now.length, 20);
    assert.ok(now !== before, 'the key in Azure did not change');
    await nodeShowsAzureState(attempt.node, paris);
  },
  async changedNothing(attempt, before) {
    await keyUnchanged(before);
    await nodeShowsAzureState(attempt.node, paris);
  },
});

export const showDetails = command({
  name: 'Show Connection Details',
  connection: paris,
  command: 'azureVpn.showConnectionDetails',
  nodeInTree: parisInTree,
  request: { method: 'GET', pathPattern: '/connections/cn-prod-we-paris$' },
  normalResult: /^opened \/cn-prod-we-paris\.json$/,
  effect: 'its JSON document is open',
  noEffect: 'no document opened',
  answers: (input) => input,
  before: () => Promise.resolve(undefined),
  async tookEffect() {
    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document, 'no document was opened');
    assert.strictEqual((JSON.parse(document.getText()) as { name?: string }).name, 'cn-prod-we-paris');
  },
  async changedNothing() {
    assert.strictEqual(vscode.window.activeTextEditor, undefined, 'a document was opened');
  },
});

export const deleteConnection = command({
  name: 'Delete Connection',
  connection: lyon,
  command: 'azureVpn.deleteConnection',
  nodeInTree: [...gatewayInTree, 'cn-prod-we-lyon'],
  request: { method: 'DELETE', pathPattern: '/connections/cn-prod-we-lyon$' },
  normalResult: /^Deleted the connection 'cn-prod-we-lyon'/,
  effect: 'gone from Azure and the tree',
  noEffect: 'still in Azure and the tree',
  answers: (input) => input.choose("Delete the connection 'cn-prod-we-lyon'?", 'Delete'),
  before: () => Promise.resolve(undefined),
  readAgain: connectionReadAgain(lyon),
  async tookEffect(attempt) {
    assert.strictEqual(await connectionInEmulator(lyon), undefined, 'the connection is still in Azure');
    gatewayReloaded(attempt);
    assert.ok(!(await childLabels(await nodeAt(...gatewayInTree))).includes(lyon.name), 'the tree still lists the connection');
  },
  async changedNothing(attempt) {
    assert.ok(await connectionInEmulator(lyon), 'the connection is gone from Azure');
    await nodeShowsAzureState(attempt.node, lyon);
  },
  stillRunning: (attempt) => nodeShowsAzureState(attempt.node, lyon),
});

export const createConnection = command({
  name: 'Create Connection',
  command: 'azureVpn.createConnection',
  nodeInTree: gatewayInTree,
  request: { method: 'PUT', pathPattern: '/connections/cn-prod-we-marseille$' },
  normalResult: /^Created the connection 'cn-prod-we-marseille'/,
  effect: 'in Azure with the chosen key, and in the tree',
  noEffect: 'neither in Azure nor in the tree',
  answers: (input) =>
    input
      .type("Create Connection on 'vgw-prod-we': name (1/6)", marseille.name)
      .pick('type (2/6)', 'Site-to-site (IPsec)')
      .pick('other end (3/6)', 'lgw-lyon-office')
      .type('shared key (4/6)', chosenKey)
      .pick('IKE version (5/6)', 'IKEv2')
      .pick('review (6/6)', 'Create'),
  before: () => Promise.resolve(undefined),
  readAgain: async (attempt) => gatewayReloaded(attempt),
  async tookEffect() {
    const created = await connectionInEmulator(marseille);
    assert.ok(created, 'the connection is not in Azure');
    sameKey(created.properties.sharedKey, chosenKey, 'the key in Azure');
    assert.ok((await childLabels(await nodeAt(...gatewayInTree))).includes(marseille.name), 'the tree does not list the new connection');
  },
  async changedNothing() {
    assert.strictEqual(await connectionInEmulator(marseille), undefined, 'the connection is in Azure');
    assert.ok(!(await childLabels(await nodeAt(...gatewayInTree))).includes(marseille.name), 'the tree lists a connection Azure does not have');
  },
  async stillRunning(attempt) {
    gatewayReloaded(attempt);
    const listed = (await childrenOf(await nodeAt(...gatewayInTree))).find((node) => labelOf(node) === marseille.name);
    assert.ok(listed, 'the tree does not list the connection Azure is still creating');
    await nodeShowsAzureState(listed, marseille);
  },
});
