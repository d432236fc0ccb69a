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

export async function childrenOf(node?: TreeNode): Promise<TreeNode[]> {
  return (await extensionApi()).treeDataProvider.getChildren(node);
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
