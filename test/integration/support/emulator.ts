// The emulator the runner started (info in AZVPN_EMULATOR), read through its control API so tests
// check what Azure now holds, not what the extension says.
import * as assert from 'assert';
import * as fs from 'fs';
import * as https from 'https';
import { PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/defaultData';
import { EmulatorControl } from '../../emulator/control';
import type { EmulatorInfo, RequestLogEntry, ResourceState } from '../../emulator/types';

let control: EmulatorControl | undefined;

function emulatorInfo(): EmulatorInfo {
  const info = process.env.AZVPN_EMULATOR;
  assert.ok(info, 'AZVPN_EMULATOR is not set: run the integration tests with out/test/integration/run.js');
  return JSON.parse(info) as EmulatorInfo;
}

export function emulator(): EmulatorControl {
  control ??= new EmulatorControl(emulatorInfo());
  return control;
}

/** Where a connection lives in the default data. */
export interface ConnectionPlace {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

export const paris: ConnectionPlace = { subscriptionId: PRODUCTION_SUBSCRIPTION_ID, resourceGroup: 'rg-vpn.prod(westeurope)_01', name: 'cn-prod-we-paris' };
export const lyon: ConnectionPlace = { subscriptionId: PRODUCTION_SUBSCRIPTION_ID, resourceGroup: 'rg-vpn.prod(westeurope)_01', name: 'cn-prod-we-lyon' };

/** Where cn-prod-we-paris shows in the Connections tree. */
export const parisInTree = ['Contoso Networking (Production)', 'rg-vpn.prod(westeurope)_01', 'vgw-prod-we', 'cn-prod-we-paris'];

export function resourceIdOf(place: ConnectionPlace): string {
  return `/subscriptions/${place.subscriptionId}/resourceGroups/${place.resourceGroup}/providers/Microsoft.Network/connections/${place.name}`;
}

/** The connection as the emulator holds it, or undefined when it does not exist. */
export async function connectionInEmulator(place: ConnectionPlace): Promise<ResourceState | undefined> {
  const state = await emulator().state();
  const group = state.subscriptions
    .find((subscription) => subscription.subscriptionId === place.subscriptionId)
    ?.resourceGroups.find((candidate) => candidate.name === place.resourceGroup);
  return group?.connections.find((connection) => connection.name === place.name);
}

/** The key the emulator holds for the connection. Compare it; never print it. */
export async function sharedKeyInEmulator(place: ConnectionPlace): Promise<string> {
  const connection = await connectionInEmulator(place);
  assert.ok(connection, `the emulator has no connection ${place.name}`);
  const key = connection.properties.sharedKey;
  assert.ok(typeof key === 'string', `the emulator holds no shared key for ${place.name}`);
  return key;
}

/** The requests the emulator received after `since` (a count from requestCount()). */
export async function requestsSince(since: number): Promise<RequestLogEntry[]> {
  return (await emulator().requests()).slice(since);
}

export async function requestCount(): Promise<number> {
  return (await emulator().requests()).length;
}

/** Requests that change something in Azure (anything but reads). */
export function writes(requests: RequestLogEntry[]): RequestLogEntry[] {
  return requests.filter((request) => request.method !== 'GET' && !request.path.includes('/oauth2/') && !request.path.startsWith('/_emulator'));
}

/** A regular expression (for a fault's pathPattern) that matches `text` literally. */
export function literally(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Deletes a connection the way another user would (an ARM DELETE), so the extension still shows it. */
export async function deleteInAzure(place: ConnectionPlace): Promise<void> {
  const info = emulatorInfo();
  const { access_token: token } = await emulator().issueToken();
  const url = new URL(`${resourceIdOf(place)}?api-version=2026-01-01`, info.resourceManagerEndpoint);
  const status = await new Promise<number | undefined>((resolve, reject) => {
    const request = https.request(url, { method: 'DELETE', ca: fs.readFileSync(info.caFile), headers: { Authorization: `Bearer ${token}` } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode));
    });
    request.on('error', reject);
    request.end();
  });
  assert.strictEqual(status, 202, `deleting ${place.name} behind the extension's back`);
  const deadline = Date.now() + 10_000;
  while (await connectionInEmulator(place)) {
    assert.ok(Date.now() < deadline, `Azure did not finish deleting ${place.name}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
