// Proof that the emulator speaks Azure's protocol: only @azure/identity and @azure/arm-network
// (no project code) list a gateway's connections, read a shared key, set one and reset one.
//
//   npm run -s emulator -- --lro-ms 500 > /tmp/emulator.json &
//   node out/test/emulator/examples/sdk-only.js "$(head -1 /tmp/emulator.json)"
//
// Prints names and key lengths, never a key.
import { NetworkManagementClient } from '@azure/arm-network';
import { ClientSecretCredential } from '@azure/identity';
import * as fs from 'fs';
import * as https from 'https';
import type { EmulatorInfo } from '../types';

export interface ExampleTarget {
  subscriptionId: string;
  resourceGroup: string;
  gateway: string;
  connection: string;
}

export interface ExampleResult {
  connectionNames: string[];
  keyRead: string;
  keyAfterSet: string;
  keyAfterReset: string;
}

/** The production gateway and its Paris connection in the emulator's default data. */
export const DEFAULT_TARGET: ExampleTarget = {
  subscriptionId: '6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b',
  resourceGroup: 'rg-vpn.prod(westeurope)_01',
  gateway: 'vgw-prod-we',
  connection: 'cn-prod-we-paris',
};

export async function listReadSetReset(
  info: EmulatorInfo,
  target: ExampleTarget,
  change: { newKey: string; resetLength: number },
  say: (line: string) => void = () => undefined,
): Promise<ExampleResult> {
  // Trusting the emulator's CA through an agent makes NODE_EXTRA_CA_CERTS unnecessary.
  const agent = new https.Agent({ ca: fs.readFileSync(info.caFile), keepAlive: true });
  const credential = new ClientSecretCredential(info.tenantId, info.clientId, info.clientSecret, {
    authorityHost: info.authorityHost,
    disableInstanceDiscovery: true,
    agent,
  });
  const client = new NetworkManagementClient(credential, target.subscriptionId, {
    endpoint: info.resourceManagerEndpoint,
    credentials: { scopes: [`${info.resourceManagerAudience.replace(/\/+$/, '')}/.default`] },
    agent,
  });
  const connections = client.virtualNetworkGateways;
  const keys = client.virtualNetworkGatewayConnections;
  try {
    const connectionNames: string[] = [];
    for await (const c of connections.listConnections(target.resourceGroup, target.gateway)) connectionNames.push(c.name ?? '');
    say(`${target.gateway} has ${connectionNames.length} connections: ${connectionNames.join(', ')}`);

    const keyRead = (await keys.getSharedKey(target.resourceGroup, target.connection)).value;
    say(`read the key of ${target.connection}: ${keyRead.length} characters`);

    const polling = { updateIntervalInMs: 200 };
    await keys.setSharedKey(target.resourceGroup, target.connection, { value: change.newKey }, polling).pollUntilDone();
    const keyAfterSet = (await keys.getSharedKey(target.resourceGroup, target.connection)).value;
    say(`set a new key of ${change.newKey.length} characters; reading it back ${keyAfterSet === change.newKey ? 'matches' : 'DIFFERS'}`);

    await waitUntilSucceeded(client, target);
    await keys.resetSharedKey(target.resourceGroup, target.connection, { keyLength: change.resetLength }, polling).pollUntilDone();
    const keyAfterReset = (await keys.getSharedKey(target.resourceGroup, target.connection)).value;
    say(`reset the key: Azure made one of ${keyAfterReset.length} characters`);
    return { connectionNames, keyRead, keyAfterSet, keyAfterReset };
  } finally {
    agent.destroy();
  }
}

/** After a key change the connection stays Updating for a while; the next write would get 409. */
async function waitUntilSucceeded(client: NetworkManagementClient, target: ExampleTarget): Promise<void> {
  for (;;) {
    const c = await client.virtualNetworkGatewayConnections.get(target.resourceGroup, target.connection);
    if (c.provisioningState === 'Succeeded') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

if (require.main === module) {
  const info = JSON.parse(process.argv[2] ?? '') as EmulatorInfo;
  const newKey = `Example-${Date.now()}`;
  listReadSetReset(info, DEFAULT_TARGET, { newKey, resetLength: 48 }, (line) => console.log(line)).catch((error: Error) => {
    console.error(`sdk-only example failed: ${error.message}`);
    process.exit(1);
  });
}
