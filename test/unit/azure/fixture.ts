// Starts the emulator in this process and builds the extension's AzureVpnApi against it, signed
// in through the environment credential exactly as a user with a service principal would be.
import type { AzureSettings, AzureVpnApi } from '../../../src/azure/api';
import { createAzureVpnApi, type AzureApiDependencies } from '../../../src/azure/createApi';
import type { ConnectionRef } from '../../../src/azure/model';
import { EmulatorControl } from '../../emulator/control';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import type { EmulatorInfo, EmulatorOptions, ResourceState } from '../../emulator/types';

const environmentVariables = ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET', 'AZURE_AUTHORITY_HOST'] as const;

export interface Fixture {
  emulator: RunningEmulator;
  info: EmulatorInfo;
  control: EmulatorControl;
  settings: AzureSettings;
  /** A fresh api: signed in as the main principal unless `as` says otherwise. */
  api(options?: { as?: 'main' | 'reader' | 'nobody'; deps?: AzureApiDependencies }): Promise<AzureVpnApi>;
  close(): Promise<void>;
}

export function customCloudSettings(info: EmulatorInfo): AzureSettings {
  return {
    cloud: 'Custom',
    customCloud: {
      resourceManagerEndpoint: info.resourceManagerEndpoint,
      authorityHost: info.authorityHost,
      resourceManagerAudience: info.resourceManagerAudience,
    },
    authentication: 'environment',
  };
}

export function signInAs(info: EmulatorInfo, who: 'main' | 'reader' | 'nobody'): void {
  for (const name of environmentVariables) delete process.env[name];
  if (who === 'nobody') return;
  process.env.AZURE_TENANT_ID = info.tenantId;
  process.env.AZURE_CLIENT_ID = who === 'main' ? info.clientId : info.readerClientId;
  process.env.AZURE_CLIENT_SECRET = who === 'main' ? info.clientSecret : info.readerClientSecret;
  process.env.AZURE_AUTHORITY_HOST = info.authorityHost;
}

export async function startFixture(options: EmulatorOptions = {}): Promise<Fixture> {
  const saved = Object.fromEntries(environmentVariables.map((name) => [name, process.env[name]]));
  const emulator = await startEmulator({ lroMs: 150, updatingMs: 300, quiet: true, ...options });
  const info = emulator.info;
  const settings = customCloudSettings(info);
  return {
    emulator,
    info,
    control: new EmulatorControl(info),
    settings,
    async api({ as = 'main', deps = {} } = {}) {
      signInAs(info, as);
      return createAzureVpnApi(settings, { pollIntervalMs: 50, ...deps });
    },
    async close() {
      await emulator.close();
      for (const name of environmentVariables) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    },
  };
}

/** The connection as the emulator holds it (with its key): the ground truth a test checks. */
export async function emulatorConnection(control: EmulatorControl, ref: ConnectionRef): Promise<ResourceState | undefined> {
  const state = await control.state();
  const group = state.subscriptions
    .find((s) => s.subscriptionId === ref.subscriptionId)
    ?.resourceGroups.find((g) => g.name.toLowerCase() === ref.resourceGroup.toLowerCase());
  return group?.connections.find((c) => c.name.toLowerCase() === ref.name.toLowerCase());
}

export async function emulatorKey(control: EmulatorControl, ref: ConnectionRef): Promise<string | undefined> {
  return (await emulatorConnection(control, ref))?.properties.sharedKey as string | undefined;
}
