// Builds the AzureVpnApi for the current settings. The Azure SDK is imported here, lazily, on the
// first call, so activating the extension loads none of it.
import type { AzureSettings, AzureVpnApi, VsCodeTokenSource } from './api';
import { ArmVpnApi, type AzureSdk } from './armVpnApi';
import { resolveCloud } from './clouds';
import type { TokenCredential } from '@azure/core-auth';
import { createCredential, VsCodeCredential } from './credentials';

export type AzureLogLevel = 'error' | 'warning' | 'info' | 'verbose';
export type AzureLog = (level: AzureLogLevel, message: string) => void;

export interface AzureApiDependencies {
  vscodeTokenSource?: VsCodeTokenSource;
  log?: AzureLog;
  maxConcurrentRequests?: number;
  pollIntervalMs?: number;
  maxRetries?: number;
  maxThrottleWaitSeconds?: number;
}

function pipeSdkLogging(log: AzureLog): void {
  const { AzureLogger, setLogLevel } = require('@azure/logger') as typeof import('@azure/logger');
  setLogLevel('info');
  AzureLogger.log = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    const level: AzureLogLevel = /:error\b/.test(text) ? 'error' : /:warning\b/.test(text) ? 'warning' : /:verbose\b/.test(text) ? 'verbose' : 'info';
    log(level, text);
  };
}

/** require() on first use (not import) so both the bundle and plain Node load the SDK's CommonJS build once. */
function loadSdk(): AzureSdk {
  return {
    network: require('@azure/arm-network') as AzureSdk['network'],
    resources: require('@azure/arm-resources') as AzureSdk['resources'],
    subscriptions: require('@azure/arm-resources-subscriptions') as AzureSdk['subscriptions'],
  };
}

export async function createAzureVpnApi(settings: AzureSettings, deps: AzureApiDependencies = {}): Promise<AzureVpnApi> {
  const cloud = resolveCloud(settings.cloud, settings.customCloud);
  if (deps.log) pipeSdkLogging(deps.log);
  const sdk = loadSdk();
  const home = await createCredential({ method: settings.authentication, cloud, tenantId: settings.tenantId, vscodeTokenSource: deps.vscodeTokenSource });
  const tokenSource = deps.vscodeTokenSource;
  const multiTenant = settings.authentication === 'vscode' && !!tokenSource;
  const perTenant = new Map<string, TokenCredential>();
  return new ArmVpnApi({
    cloud,
    sdk,
    multiTenant,
    tenantId: settings.tenantId,
    credentialForTenant: (tenantId) => {
      if (!multiTenant || !tenantId || !tokenSource) return home;
      let credential = perTenant.get(tenantId);
      if (!credential) {
        credential = new VsCodeCredential(tokenSource, tenantId);
        perTenant.set(tenantId, credential);
      }
      return credential;
    },
    maxConcurrentRequests: deps.maxConcurrentRequests,
    pollIntervalMs: deps.pollIntervalMs,
    maxRetries: deps.maxRetries,
    maxThrottleWaitSeconds: deps.maxThrottleWaitSeconds,
  });
}
