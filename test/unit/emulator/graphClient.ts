// Test helpers for Resource Graph: a raw query through TestEmulator, the official SDK client
// pointed at the emulator, and the ids the emulator's state holds, to compare query rows with.
import { ResourceGraphClient } from '@azure/arm-resourcegraph';
import { ClientSecretCredential } from '@azure/identity';
import * as fs from 'fs';
import * as https from 'https';
import type { EmulatorInfo, StateFile } from '../../emulator/types';
import type { ArmResponse, RequestOptions, TestEmulator } from './armClient';

export const GRAPH_API = '2024-04-01';
export const GRAPH_PATH = '/providers/Microsoft.ResourceGraph/resources';
export const INVENTORY = "resources | where type =~ 'microsoft.network/virtualnetworkgateways' or type =~ 'microsoft.network/connections' | project id, name, type, resourceGroup, subscriptionId, location, properties";

export function graphQuery(emulator: TestEmulator, body: unknown, options: RequestOptions = {}): Promise<ArmResponse> {
  return emulator.request('POST', GRAPH_PATH, { apiVersion: GRAPH_API, body, ...options });
}

/** The SDK client the extension will use, trusting the emulator's CA through an agent. */
export function graphSdk(info: EmulatorInfo): ResourceGraphClient {
  const agent = new https.Agent({ ca: fs.readFileSync(info.caFile), keepAlive: true });
  const credential = new ClientSecretCredential(info.tenantId, info.clientId, info.clientSecret, { authorityHost: info.authorityHost, disableInstanceDiscovery: true, agent });
  return new ResourceGraphClient(credential, {
    endpoint: info.resourceManagerEndpoint,
    credentials: { scopes: [`${info.resourceManagerAudience.replace(/\/+$/, '')}/.default`] },
    agent,
  });
}

type Kind = 'virtualNetworkGateways' | 'localNetworkGateways' | 'connections';

/** ARM ids of the resources of these kinds in a state (optionally of some subscriptions). */
export function stateIds(state: StateFile, kinds: Kind[], subscriptions?: string[]): string[] {
  return state.subscriptions
    .filter((s) => !subscriptions || subscriptions.includes(s.subscriptionId))
    .flatMap((s) => s.resourceGroups.flatMap((g) => kinds.flatMap((kind) => g[kind].map((r) =>
      `/subscriptions/${s.subscriptionId}/resourceGroups/${g.name}/providers/Microsoft.Network/${kind}/${r.name}`))));
}
