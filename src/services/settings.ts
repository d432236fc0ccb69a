// The extension's settings (names are a contract: see package.json `contributes.configuration`).
import * as vscode from 'vscode';
import type { AuthenticationMethod, AzureSettings } from '../azure/api';
import { cloudFromSovereignEnvironment, type CloudName, type CustomCloudSettings } from '../azure/clouds';

const section = 'azureVpn';

/** Settings that change how the extension reaches Azure: a change re-creates the Azure client. */
export const connectionSettings = [
  'azureVpn.cloud',
  'azureVpn.customCloud',
  'azureVpn.authentication',
  'azureVpn.tenantId',
  'microsoft-sovereign-cloud.environment',
];

function configuration(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(section);
}

/** `azureVpn.cloud` when the user set it; otherwise the cloud VS Code's sovereign-cloud sign-in is set to. */
function configuredCloud(): CloudName {
  const inspected = configuration().inspect<CloudName>('cloud');
  const explicit = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
  if (explicit) {
    return explicit;
  }
  const sovereign = vscode.workspace.getConfiguration('microsoft-sovereign-cloud').get<string>('environment');
  return cloudFromSovereignEnvironment(sovereign) ?? 'AzureCloud';
}

export function readAzureSettings(): AzureSettings {
  const settings = configuration();
  return {
    cloud: configuredCloud(),
    customCloud: settings.get<CustomCloudSettings>('customCloud'),
    authentication: settings.get<AuthenticationMethod>('authentication') ?? 'vscode',
    tenantId: settings.get<string>('tenantId') || undefined,
  };
}

export function subscriptionFilter(): string[] {
  return configuration().get<string[]>('subscriptions') ?? [];
}

export function clipboardClearSeconds(): number {
  const seconds = configuration().get<number>('clipboardClearSeconds') ?? 30;
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
