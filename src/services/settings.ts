// The extension's settings (names are a contract: see package.json `contributes.configuration`).
import * as vscode from 'vscode';
import type { AuthenticationMethod, AzureSettings } from '../azure/api';
import type { DiscoverySetting } from '../azure/discoveryChoice';
import { cloudFromSovereignEnvironment, customCloudFromVsCode, type CloudName, type CustomCloudSettings, type VsCodeCustomEnvironment } from '../azure/clouds';

const section = 'azureVpn';

/** Settings that change how the extension reaches Azure: a change re-creates the Azure client. */
export const connectionSettings = [
  'azureVpn.cloud',
  'azureVpn.customCloud',
  'azureVpn.authentication',
  'azureVpn.tenantId',
  'microsoft-sovereign-cloud.environment',
  'microsoft-sovereign-cloud.customEnvironment',
];

function configuration(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(section);
}

/**
 * `azureVpn.cloud` (with `azureVpn.customCloud`) when the user set it; otherwise the cloud VS Code's
 * own Microsoft sign-in is set to (`microsoft-sovereign-cloud.environment`, and for `custom` its
 * `customEnvironment`), so the token and Resource Manager always belong to the same cloud.
 */
function configuredCloud(): { cloud: CloudName; customCloud?: CustomCloudSettings } {
  const inspected = configuration().inspect<CloudName>('cloud');
  const explicit = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
  if (explicit) {
    return { cloud: explicit, customCloud: configuration().get<CustomCloudSettings>('customCloud') };
  }
  const vscodeSignIn = vscode.workspace.getConfiguration('microsoft-sovereign-cloud');
  const cloud = cloudFromSovereignEnvironment(vscodeSignIn.get<string>('environment')) ?? 'AzureCloud';
  return { cloud, customCloud: cloud === 'Custom' ? customCloudFromVsCode(vscodeSignIn.get<VsCodeCustomEnvironment>('customEnvironment')) : undefined };
}

export function readAzureSettings(): AzureSettings {
  const settings = configuration();
  return {
    ...configuredCloud(),
    authentication: settings.get<AuthenticationMethod>('authentication') ?? 'vscode',
    tenantId: settings.get<string>('tenantId') || undefined,
  };
}

export function subscriptionFilter(): string[] {
  return configuration().get<string[]>('subscriptions') ?? [];
}

/** Settings that change what the tree shows, without a new Azure client: a change reloads the tree. */
export const treeSettings = ['azureVpn.subscriptions', 'azureVpn.discovery', 'azureVpn.showSubscriptionsWithoutGateways'];

export function discoverySetting(): DiscoverySetting {
  const value = configuration().get<string>('discovery');
  return value === 'resourceGraph' || value === 'resourceManager' ? value : 'auto';
}

export function showSubscriptionsWithoutGateways(): boolean {
  return configuration().get<boolean>('showSubscriptionsWithoutGateways') === true;
}

export function clipboardClearSeconds(): number {
  const seconds = configuration().get<number>('clipboardClearSeconds') ?? 30;
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
}

/** How long to watch a tunnel come up after a key change, a create or a reset; 0 = not at all. */
export function tunnelWatchSeconds(): number {
  const seconds = configuration().get<number>('tunnelWatchSeconds') ?? 300;
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
}

/** Writes where the user already set it (folder, workspace or user settings), else to user settings. */
async function write(key: string, value: unknown): Promise<void> {
  const inspected = configuration().inspect(key);
  const target =
    inspected?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : inspected?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  await configuration().update(key, value, target);
}

export function writeSubscriptionFilter(subscriptionIds: string[]): Promise<void> {
  return write('subscriptions', subscriptionIds);
}

export function writeAuthenticationMethod(method: AuthenticationMethod): Promise<void> {
  return write('authentication', method);
}
