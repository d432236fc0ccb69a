// Whether the tree is discovered through Azure Resource Graph or by walking Resource Manager: the
// azureVpn.discovery setting, the cloud, and what Graph answered. Pure: unit-tested in plain Node.
import type { CloudName } from './clouds';
import { AzureError } from './errors';

export type DiscoverySetting = 'auto' | 'resourceGraph' | 'resourceManager';

export type Discovery = { through: 'resourceGraph' } | { through: 'resourceManager'; reason: string };

/** `auto` uses Graph except in a custom cloud (Azure Stack Hub has none); `resourceGraph` uses it in any cloud. */
export function chooseDiscovery(setting: DiscoverySetting, cloud: CloudName): Discovery {
  // not user-facing: the reason is written only to the log (FleetDiscovery.walk), kept in English as the log is
  if (setting === 'resourceManager') return { through: 'resourceManager', reason: 'azureVpn.discovery is resourceManager' };
  // not user-facing: written only to the log, as above
  if (setting === 'auto' && cloud === 'Custom') return { through: 'resourceManager', reason: 'a custom cloud may have no Azure Resource Graph (set azureVpn.discovery to resourceGraph if yours has it)' };
  return { through: 'resourceGraph' };
}

/** Why a failed Graph query should give way to the Resource Manager walk; undefined: the failure stands. */
export function fallbackReason(error: unknown): string | undefined {
  if (!(error instanceof AzureError)) return undefined;
  // not user-facing: the reason is written only to the log (FleetDiscovery.walk), kept in English as the log is
  if (error.kind === 'forbidden') return `Azure Resource Graph refused the query (403): ${error.message}`;
  if (error.kind === 'throttled') return error.message;
  // A cloud without Resource Graph has no such provider or route.
  if (error.kind === 'notFound' || /NoRegisteredProviderFound|InvalidResourceType|InvalidResourceNamespace/i.test(error.code ?? '')) {
    // not user-facing: written only to the log, as above
    return `this cloud has no Azure Resource Graph (${error.code ?? error.statusCode ?? 'not found'})`;
  }
  return undefined;
}
