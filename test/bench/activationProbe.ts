// Runs inside the VS Code extension host as the "extension tests" of a window the bench opens: is
// anything of Azure loaded before the view opens, how long does activating the extension take, and
// does opening the view load the Azure SDK? Reports one console line (activationReport.ts).
import * as vscode from 'vscode';
import { activationMarker, type ActivationReport } from './activationReport';

const extensionId = 'azure-vpn-tools.azure-vpn-gateway-connections';
const viewTimeoutMs = 30_000;
/** VS Code starts its built-in extensions in this same extension host first: measure after that. */
const startupSettleMs = 3_000;

/** Azure SDK files this extension host has loaded: the extension's SDK bundle, or any @azure package. */
function azureFiles(): string[] {
  return Object.keys(require.cache).filter((file) => /[\\/]azure-sdk\.js$|[\\/]node_modules[\\/]@azure[\\/]/.test(file));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function untilAzureLoaded(): Promise<void> {
  const deadline = Date.now() + viewTimeoutMs;
  while (azureFiles().length === 0 && Date.now() < deadline) await sleep(5);
}

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) throw new Error(`${extensionId} is not installed in this VS Code`);
  await sleep(startupSettleMs);
  const activeBeforeProbe = extension.isActive;
  const azureBeforeActivation = azureFiles();
  const activating = performance.now();
  await extension.activate();
  const activationMs = performance.now() - activating;
  const azureAfterActivation = azureFiles();
  const opening = performance.now();
  await vscode.commands.executeCommand('workbench.view.extension.azureVpn');
  await untilAzureLoaded();
  const viewLoadsSdkMs = performance.now() - opening;
  const report: ActivationReport = {
    activeBeforeProbe,
    azureBeforeActivation,
    azureAfterActivation,
    azureAfterView: azureFiles(),
    activationMs,
    viewLoadsSdkMs,
  };
  // The next window of this VS Code starts on the Explorer again, with the extension inactive.
  await vscode.commands.executeCommand('workbench.view.explorer');
  console.log(activationMarker + JSON.stringify(report));
}
