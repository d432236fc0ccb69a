// The Azure clouds the extension can talk to, and where each one's endpoints are.
import * as l10n from '@vscode/l10n';

export type CloudName = 'AzureCloud' | 'AzureChinaCloud' | 'AzureUSGovernment' | 'Custom';

export interface CustomCloudSettings {
  resourceManagerEndpoint?: string;
  authorityHost?: string;
  resourceManagerAudience?: string;
  portalUrl?: string;
}

export interface Cloud {
  name: CloudName;
  resourceManagerEndpoint: string;
  authorityHost: string;
  /** The token audience of Azure Resource Manager; the scope asked for is `${audience}/.default`. */
  resourceManagerAudience: string;
  /** Undefined for a custom cloud that names none (azureVpn.customCloud.portalUrl). */
  portalUrl?: string;
}

const knownClouds: Record<Exclude<CloudName, 'Custom'>, Cloud> = {
  AzureCloud: {
    name: 'AzureCloud',
    resourceManagerEndpoint: 'https://management.azure.com',
    authorityHost: 'https://login.microsoftonline.com',
    resourceManagerAudience: 'https://management.core.windows.net/',
    portalUrl: 'https://portal.azure.com',
  },
  AzureChinaCloud: {
    name: 'AzureChinaCloud',
    resourceManagerEndpoint: 'https://management.chinacloudapi.cn',
    authorityHost: 'https://login.chinacloudapi.cn',
    resourceManagerAudience: 'https://management.core.chinacloudapi.cn/',
    portalUrl: 'https://portal.azure.cn',
  },
  AzureUSGovernment: {
    name: 'AzureUSGovernment',
    resourceManagerEndpoint: 'https://management.usgovcloudapi.net',
    authorityHost: 'https://login.microsoftonline.us',
    resourceManagerAudience: 'https://management.core.usgovcloudapi.net/',
    portalUrl: 'https://portal.azure.us',
  },
};

/** Names used by VS Code's `microsoft-sovereign-cloud.environment` setting. */
const sovereignEnvironmentToCloud: Record<string, CloudName> = {
  ChinaCloud: 'AzureChinaCloud',
  USGovernment: 'AzureUSGovernment',
  custom: 'Custom',
};

export function cloudFromSovereignEnvironment(environment: string | undefined): CloudName | undefined {
  return environment ? sovereignEnvironmentToCloud[environment] : undefined;
}

/** VS Code's `microsoft-sovereign-cloud.customEnvironment`: the shape of @azure/ms-rest-azure-env's EnvironmentParameters. */
export interface VsCodeCustomEnvironment {
  name?: string;
  portalUrl?: string;
  resourceManagerEndpointUrl?: string;
  activeDirectoryEndpointUrl?: string;
  /** The token audience of Resource Manager. */
  activeDirectoryResourceId?: string;
}

/** The custom cloud VS Code's sign-in uses, in this extension's settings' words, so tokens and Resource Manager agree. */
export function customCloudFromVsCode(environment: VsCodeCustomEnvironment | undefined): CustomCloudSettings {
  return {
    resourceManagerEndpoint: environment?.resourceManagerEndpointUrl,
    authorityHost: environment?.activeDirectoryEndpointUrl,
    resourceManagerAudience: environment?.activeDirectoryResourceId,
    portalUrl: environment?.portalUrl,
  };
}

export class CloudConfigurationError extends Error {}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function requireHttpsUrl(value: string | undefined, setting: string): string {
  if (!value) {
    throw new CloudConfigurationError(l10n.t('The custom cloud needs "{0}" in the azureVpn.customCloud setting.', setting));
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CloudConfigurationError(l10n.t('azureVpn.customCloud.{0} is not a URL: "{1}".', setting, value));
  }
  if (url.protocol !== 'https:') {
    throw new CloudConfigurationError(l10n.t('azureVpn.customCloud.{0} must be an https:// URL.', setting));
  }
  return withoutTrailingSlash(value);
}

export function resolveCloud(name: CloudName, custom?: CustomCloudSettings): Cloud {
  if (name !== 'Custom') {
    return knownClouds[name];
  }
  const resourceManagerEndpoint = requireHttpsUrl(custom?.resourceManagerEndpoint, 'resourceManagerEndpoint');
  const authorityHost = requireHttpsUrl(custom?.authorityHost, 'authorityHost');
  const resourceManagerAudience = custom?.resourceManagerAudience || resourceManagerEndpoint;
  return {
    name,
    resourceManagerEndpoint,
    authorityHost,
    resourceManagerAudience,
    portalUrl: custom?.portalUrl ? withoutTrailingSlash(custom.portalUrl) : undefined,
  };
}

/** The OAuth scope for Azure Resource Manager in this cloud (never public Azure's by accident). */
export function armScope(cloud: Cloud): string {
  return `${withoutTrailingSlash(cloud.resourceManagerAudience)}/.default`;
}

/** The resource in the cloud's portal; public Azure's when the cloud names none. */
export function portalUrlForResource(cloud: Cloud, resourceId: string): string {
  return `${cloud.portalUrl ?? knownClouds.AzureCloud.portalUrl}/#resource${resourceId}`;
}
