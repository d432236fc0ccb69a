// How a VS Code window is pointed at the emulator: the extension's settings, and the service
// principal and certificate the extension host reads from its environment.
import type { EmulatorInfo } from '../emulator/types';

export function emulatorSettings(info: EmulatorInfo): Record<string, unknown> {
  return {
    'azureVpn.cloud': 'Custom',
    'azureVpn.customCloud': {
      resourceManagerEndpoint: info.resourceManagerEndpoint,
      authorityHost: info.authorityHost,
      resourceManagerAudience: info.resourceManagerAudience,
    },
    'azureVpn.authentication': 'environment',
  };
}

/** For the code-server process; its extension host inherits it. */
export function emulatorEnvironment(info: EmulatorInfo): Record<string, string> {
  return {
    AZURE_TENANT_ID: info.tenantId,
    AZURE_CLIENT_ID: info.clientId,
    AZURE_CLIENT_SECRET: info.clientSecret,
    AZURE_AUTHORITY_HOST: info.authorityHost,
    NODE_EXTRA_CA_CERTS: info.caFile,
    // Lets tests reach the emulator's control API (EmulatorControl).
    AZVPN_EMULATOR: JSON.stringify(info),
  };
}

/** A signed-out environment: the extension's service principal variables removed. */
export const noAzureCredentials: Record<string, undefined> = {
  AZURE_TENANT_ID: undefined,
  AZURE_CLIENT_ID: undefined,
  AZURE_CLIENT_SECRET: undefined,
  AZURE_CLIENT_CERTIFICATE_PATH: undefined,
  AZURE_USERNAME: undefined,
  AZURE_PASSWORD: undefined,
};
