// The extension as integration tests drive it: its test API, the Connections tree walked through
// the real TreeDataProvider, and commands run with scripted answers.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AzureVpnExtensionApi } from '../../../src/extension';
import type { TreeNode } from '../../../src/tree/treeNode';
import { TestUserInput } from './testUserInput';

const extensionId = 'azure-vpn-tools.azure-vpn-gateway-connections';

export async function extensionApi(): Promise<AzureVpnExtensionApi> {
  const extension = vscode.extensions.getExtension<AzureVpnExtensionApi>(extensionId);
  assert.ok(extension, `VS Code does not know the extension ${extensionId}`);
  return extension.activate();
}

export function labelOf(node: TreeNode): string {
  const label = node.getTreeItem().label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

export function descriptionOf(node: TreeNode): string {
  const description = node.getTreeItem().description;
  return typeof description === 'string' ? description : '';
}

export function contextTokensOf(node: TreeNode): string[] {
  return (node.getTreeItem().contextValue ?? '').split(';');
}

/** The node's children as Azure has them now: the level is read again, as when the user expands it after a refresh. */
export async function childrenOf(node?: TreeNode): Promise<TreeNode[]> {
  const tree = (await extensionApi()).treeDataProvider;
  tree.forget(node);
  return tree.getChildren(node);
}

export async function childLabels(node?: TreeNode): Promise<string[]> {
  return (await childrenOf(node)).map(labelOf);
}

/** Walks the tree by labels from the root, e.g. subscription → group → gateway → connection. */
export async function nodeAt(...labels: string[]): Promise<TreeNode> {
  let node: TreeNode | undefined;
  for (const label of labels) {
    const children = await childrenOf(node);
    const next = children.find((child) => labelOf(child) === label);
    assert.ok(next, `no "${label}" under "${node ? labelOf(node) : 'the root'}"; found: ${children.map(labelOf).join(', ')}`);
    node = next;
  }
  assert.ok(node, 'nodeAt needs at least one label');
  return node;
}

/** Runs a command with scripted answers; fails when it asked something unscripted or left answers unused. */
export async function runCommand(command: string, input: TestUserInput, ...args: unknown[]): Promise<TestUserInput> {
  const api = await extensionApi();
  api.setUserInputForTests(input);
  try {
    await vscode.commands.executeCommand(command, ...args);
  } finally {
    api.setUserInputForTests(undefined);
  }
  input.assertAllAnswered();
  return input;
}

/** Polls until `check` holds (an operation the test started finishes in the background). */
export async function eventually(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      assert.fail(`still not true after ${timeoutMs / 1000} s: ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Changes a user setting and returns once the extension has heard of the change. */
export async function updateSetting(key: string, value: unknown): Promise<void> {
  if (userSetting(key) === value) {
    return;
  }
  const heard = new Promise<void>((resolve) => {
    const listener = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(key)) {
        listener.dispose();
        resolve();
      }
    });
  });
  await vscode.workspace.getConfiguration().update(key, value, vscode.ConfigurationTarget.Global);
  await heard;
}

/** The user setting as the test host configured it, to put back afterwards. */
export function userSetting(key: string): unknown {
  return vscode.workspace.getConfiguration().inspect(key)?.globalValue;
}

/** Records the tree ids the Connections tree asks VS Code to redraw or reload ('' = the whole tree). */
export async function watchTreeRefreshes(): Promise<{ refreshed: string[]; stop(): void }> {
  const refreshed: string[] = [];
  const listener = (await extensionApi()).treeDataProvider.onDidChangeTreeData((node) => refreshed.push(node?.id ?? ''));
  return { refreshed, stop: () => listener.dispose() };
}

/** Discards every shared key the extension holds, as the user does through Recover Unsaved Shared Key. */
export async function discardHeldKeys(): Promise<void> {
  const listed = new TestUserInput().dismiss('Recover Unsaved Shared Key');
  const api = await extensionApi();
  api.setUserInputForTests(listed);
  try {
    await vscode.commands.executeCommand('azureVpn.recoverSharedKey');
  } finally {
    api.setUserInputForTests(undefined);
  }
  // With nothing held there is no picker: the command says so instead.
  for (const connection of listed.offered[0]?.labels ?? []) {
    await runCommand(
      'azureVpn.recoverSharedKey',
      new TestUserInput().pick('Recover Unsaved Shared Key', connection).choose('A shared key you chose', 'Discard'),
    );
  }
}
