// Copy Resource ID and Open in Portal, for any Azure node (or a connection picked from the palette).
import * as vscode from 'vscode';
import { portalUrlForResource } from '../azure/clouds';
import { isAzureResourceNode, type TreeNode } from '../tree/treeNode';
import type { Services } from './services';
import { anyConnection, connectionTarget } from './targets';

async function resourceIdOf(services: Services, node: TreeNode | undefined, title: string): Promise<string> {
  if (isAzureResourceNode(node)) {
    return node.resourceId;
  }
  return (await connectionTarget(services, node, anyConnection(), title)).id;
}

export async function copyResourceId(services: Services, node?: TreeNode): Promise<void> {
  const resourceId = await resourceIdOf(services, node, vscode.l10n.t('Copy Resource ID'));
  await vscode.env.clipboard.writeText(resourceId);
  void services.input.showMessage('info', vscode.l10n.t('Copied the resource ID: {0}', resourceId), {});
}

export async function openInPortal(services: Services, node?: TreeNode): Promise<void> {
  const resourceId = await resourceIdOf(services, node, vscode.l10n.t('Open in Portal'));
  const api = await services.azure.getApi();
  if (!api.cloud.portalUrl) {
    // A custom cloud without a portal (Azure Stack Hub names its own; the emulator has none): no broken tab.
    const open = vscode.l10n.t('Open the Azure Portal');
    const said = vscode.l10n.t('This cloud names no portal (azureVpn.customCloud.portalUrl). Open the Azure Portal instead? It shows the resource only if it lives in public Azure.');
    if ((await services.input.showMessage('info', said, {}, open)) !== open) return;
  }
  await vscode.env.openExternal(vscode.Uri.parse(portalUrlForResource(api.cloud, resourceId)));
}
