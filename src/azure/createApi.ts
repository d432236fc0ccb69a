// Builds the AzureVpnApi for the current settings. The Azure SDK is imported here, lazily, on the
// first call, so activating the extension loads none of it.
import type { AzureSettings, AzureVpnApi, VsCodeTokenSource } from './api';
import { ArmVpnApi } from './armVpnApi';
import type { AzureSdk } from './sdkClients';
import { resolveCloud } from './clouds';
import type { TokenCredential } from '@azure/core-auth';
import { createCredential, VsCodeCredential } from './credentials';

export type AzureLogLevel = 'error' | 'warning' | 'info' | 'verbose';
export type AzureLog = (level: AzureLogLevel, message: string) => void;

export interface AzureApiDependencies {
  vscodeTokenSource?: VsCodeTokenSource;
  log?: AzureLog;
  /**
   * How much of the SDK's own logging reaches `log`; default 'warning'. 'info' and 'verbose' format a
   * line for every request and response, which costs CPU on every call: ask for them only when shown.
   */
  logLevel?: AzureLogLevel;
  maxConcurrentRequests?: number;
  pollIntervalMs?: number;
  maxRetries?: number;
  maxThrottleWaitSeconds?: number;
}

function sdkLogger(): typeof import('@azure/logger') {
  return require('@azure/logger') as typeof import('@azure/logger');
}

function pipeSdkLogging(log: AzureLog, level: AzureLogLevel): void {
  const { AzureLogger, setLogLevel } = sdkLogger();
  setLogLevel(level);
  AzureLogger.log = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    const lineLevel: AzureLogLevel = /:error\b/.test(text) ? 'error' : /:warning\b/.test(text) ? 'warning' : /:verbose\b/.test(text) ? 'verbose' : 'info';
    log(lineLevel, text);
  };
}

/** Changes how much the SDK logs from now on, for every api already made (the SDK has one logger per process). */
export function setAzureSdkLogLevel(level: AzureLogLevel): void {
  sdkLogger().setLogLevel(level);
}

/** Requires a package the first time it is asked for and keeps it (a require() per use costs CPU on every request). */
function once<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}

/**
 * require() on first use (not import) so both the bundle and plain Node load the SDK's CommonJS build once;
 * each package when first asked for: @azure/arm-network alone holds about 13 MB of heap, and the tree
 * discovered through Resource Graph needs it only when a command does.
 */
function loadSdk(): AzureSdk {
  const network = once(() => require('@azure/arm-network') as AzureSdk['network']);
  const resources = once(() => require('@azure/arm-resources') as AzureSdk['resources']);
  const subscriptions = once(() => require('@azure/arm-resources-subscriptions') as AzureSdk['subscriptions']);
  const resourceGraph = once(() => require('@azure/arm-resourcegraph') as AzureSdk['resourceGraph']);
  return {
    get network() {
      return network();
    },
    get resources() {
      return resources();
    },
    get subscriptions() {
      return subscriptions();
    },
    get resourceGraph() {
      return resourceGraph();
    },
    pipeline: require('@azure/core-rest-pipeline') as AzureSdk['pipeline'],
  };
}

export async function createAzureVpnApi(settings: AzureSettings, deps: AzureApiDependencies = {}): Promise<AzureVpnApi> {
  const cloud = resolveCloud(settings.cloud, settings.customCloud);
  if (deps.log) pipeSdkLogging(deps.log, deps.logLevel ?? 'warning');
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
