// A client the project did not write drives the emulator at its own default api-versions:
// Microsoft's Python SDK as Debian packages it (python3-azure), through
// test/emulator/clients/azure_python_sdk.py, with its own credential and long-running-operation
// poller. The outcomes are checked in the emulator; keys are compared by digest, never printed.
import * as assert from 'assert';
import { execFile, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { API_VERSIONS } from '../../emulator/apiVersions';
import { repoRoot } from '../../emulator/certificate';
import { PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/defaultData';
import type { ResourceState, StateFile } from '../../emulator/types';
import { NETWORK_API, PROD_GROUP, TestEmulator } from './armClient';

const PYTHON = '/usr/bin/python3';
const INSTALL = 'apt-get update && apt-get install -y python3-azure (as root; or: sudo bash scripts/install-system-packages.sh)';
const SCRIPT = path.join(repoRoot(), 'test', 'emulator', 'clients', 'azure_python_sdk.py');
const TARGET = {
  subscriptionId: PRODUCTION_SUBSCRIPTION_ID,
  resourceGroup: PROD_GROUP,
  gateway: 'vgw-prod-we',
  connection: 'cn-prod-we-paris',
  connectionToDelete: 'cn-prod-we-lyon',
};
const NEW_KEY = 'Python-Sdk-Example-Key-01';

const digest = (key: string | undefined): string => createHash('sha256').update(key ?? '').digest('hex');

/** Not a skip: without Debian's SDK the test fails and says how to install it. */
function requirePythonSdk(): void {
  assert.ok(fs.existsSync(PYTHON), `${PYTHON} is missing. Install Debian's Python SDK: ${INSTALL}`);
  const probe = spawnSync(PYTHON, ['-c', 'import azure.identity, azure.mgmt.network, azure.mgmt.resource, msrestazure'], { encoding: 'utf8' });
  assert.strictEqual(probe.status, 0, `Debian's python3-azure is not importable by ${PYTHON} (${probe.stderr.trim().split('\n').pop()}). Install it: ${INSTALL}`);
}

function groupOf(state: StateFile, name: string) {
  return state.subscriptions.find((s) => s.subscriptionId === TARGET.subscriptionId)!.resourceGroups.find((g) => g.name === name)!;
}

const connectionsOf = (state: StateFile): ResourceState[] =>
  state.subscriptions.find((s) => s.subscriptionId === TARGET.subscriptionId)!.resourceGroups.flatMap((g) => g.connections ?? []);

describe('emulator: Microsoft’s Python SDK (Debian python3-azure) at its own api-versions', function () {
  this.timeout(60_000);
  const emulator = TestEmulator.inSuite({ lroMs: 300, updatingMs: 300 });

  it('lists, gets, reads / sets / resets a key and deletes with its own poller', async () => {
    requirePythonSdk();
    const before = await emulator.control.state();
    // requests honours proxy variables; the emulator is local, so none may carry its calls.
    const local = { NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost' };
    const { stdout } = await promisify(execFile)(PYTHON, [SCRIPT], {
      env: { ...process.env, ...local, EMULATOR_INFO: JSON.stringify(emulator.info), TARGET: JSON.stringify(TARGET), NEW_KEY, REQUESTS_CA_BUNDLE: emulator.info.caFile },
      timeout: 50_000,
    });
    const result = JSON.parse(stdout);
    const after = await emulator.control.state();

    assert.ok(API_VERSIONS.network.includes(result.defaultApiVersions.network), 'the SDK’s default network api-version is a published one');
    assert.notStrictEqual(result.defaultApiVersions.network, NETWORK_API, 'an older version than the JS SDK’s');
    const gatewayId = (c: ResourceState) => String((c.properties.virtualNetworkGateway1 as { id: string }).id).toLowerCase();
    const onGateway = connectionsOf(before).filter((c) => gatewayId(c).endsWith(`/virtualnetworkgateways/${TARGET.gateway}`)).map((c) => c.name);
    assert.deepStrictEqual(result.gatewayConnections, onGateway);
    assert.deepStrictEqual(result.connection, { name: TARGET.connection, connectionType: 'IPsec', hasSharedKey: false });

    assert.deepStrictEqual(result.subscriptions, before.subscriptions.filter((s) => s.tenantId === emulator.info.tenantId).map((s) => s.subscriptionId));
    assert.deepStrictEqual(result.groups, before.subscriptions.find((s) => s.subscriptionId === TARGET.subscriptionId)!.resourceGroups.map((g) => g.name));
    assert.deepStrictEqual(result.connectionResources, connectionsOf(before).map((c) => c.name));
    assert.strictEqual(result.networkRegistration, 'Registered');
    assert.ok(result.connectionApiVersions.includes(result.defaultApiVersions.network), 'the provider metadata lists the SDK’s version');

    const stored = (state: StateFile, name: string) => groupOf(state, TARGET.resourceGroup).connections?.find((c) => c.name === name);
    const initialKey = stored(before, TARGET.connection)?.properties.sharedKey as string;
    const finalKey = stored(after, TARGET.connection)?.properties.sharedKey as string;
    assert.ok(result.keyReadDigest === digest(initialKey), 'the key read is the one the emulator held');
    assert.strictEqual(result.keyAfterSetMatches, true, 'the key read after set is the one set');
    assert.deepStrictEqual([result.resetKeyLength, result.keyAfterResetLength, finalKey.length], [40, 40, 40]);
    assert.ok(result.keyAfterResetDigest === digest(finalKey), 'the emulator holds the key the SDK read after the reset');
    assert.ok(finalKey !== initialKey && finalKey !== NEW_KEY, 'the reset made a new key');

    assert.strictEqual(result.deletedGone, true);
    assert.ok(stored(before, TARGET.connectionToDelete) && !stored(after, TARGET.connectionToDelete), 'the emulator no longer holds the deleted connection');
    assert.deepStrictEqual(result.cloud, { activeDirectory: `${emulator.info.authorityHost}/`, activeDirectoryResourceId: emulator.info.resourceManagerAudience });
    assert.ok(![initialKey, NEW_KEY, finalKey].some((key) => stdout.includes(key)), 'the client printed no key');
  });
});
