// Writes: long-running operations in both final-state styles, the Updating window and 409, keys
// that do not exist, input checks, the reader's 403, and creating, tagging and deleting connections.
import * as assert from 'assert';
import { PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/defaultData';
import { connectionPath, groupPath, PROD_GROUP, TestEmulator } from './armClient';

const gatewayId = `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourceGroups/${PROD_GROUP}/providers/Microsoft.Network/virtualNetworkGateways/vgw-prod-we`;
const localGatewayId = `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourceGroups/${PROD_GROUP}/providers/Microsoft.Network/localNetworkGateways/lgw-lyon-office`;

describe('emulator: long-running writes', function () {
  this.timeout(20_000);
  const emulator = TestEmulator.inSuite({ lroMs: 150, updatingMs: 150 });

  const setKey = (name: string, value: unknown, token?: string) => emulator.request('PUT', connectionPath(name, '/sharedkey'), { body: { value }, token });
  const resetKey = (name: string, keyLength: unknown, token?: string) =>
    emulator.request('POST', connectionPath(name, '/sharedkey/reset'), { body: { keyLength }, token });
  /** For tests that look at a running operation: long enough that no pause of the test process outlasts it. */
  const slowOperations = () => emulator.control.setConfig({ lroMs: 1000, updatingMs: 1000 });
  const provisioningState = async (name: string) => (await emulator.request('GET', connectionPath(name))).body.properties.provisioningState;

  it('sets a key (final state via Azure-AsyncOperation): InProgress, then Succeeded, then the new key reads back', async () => {
    await slowOperations();
    const started = await setKey('cn-prod-we-paris', 'New-Key_2025!');
    assert.strictEqual(started.status, 201);
    const asyncOperation = String(started.headers['azure-asyncoperation']);
    assert.ok(asyncOperation.startsWith(`${emulator.info.resourceManagerEndpoint}/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/providers/Microsoft.Network/locations/westeurope/operations/`));
    assert.strictEqual(started.headers['retry-after'], '1');
    assert.strictEqual(await provisioningState('cn-prod-we-paris'), 'Updating');
    const running = await emulator.request('GET', asyncOperation);
    assert.strictEqual(running.body.status, 'InProgress');
    assert.notStrictEqual(await emulator.storedKey('cn-prod-we-paris'), 'New-Key_2025!', 'the key changes when the operation ends');

    const done = await emulator.waitForOperation(asyncOperation);
    assert.strictEqual(done.body.status, 'Succeeded');
    const read = await emulator.request('GET', connectionPath('cn-prod-we-paris', '/sharedkey'));
    assert.ok(read.body.value === 'New-Key_2025!', 'GET sharedkey returns the key just set');
  });

  it('resets a key (final state via Location): 202, Location answers 202 then 200 with keyLength, and a new key of that length', async () => {
    await slowOperations();
    const before = await emulator.storedKey('cn-prod-we-paris');
    const started = await resetKey('cn-prod-we-paris', 64);
    assert.strictEqual(started.status, 202);
    const location = String(started.headers.location);
    assert.match(location, /\/operationResults\//);
    assert.strictEqual((await emulator.request('GET', location)).status, 202);
    assert.strictEqual((await emulator.waitForOperation(String(started.headers['azure-asyncoperation']))).body.status, 'Succeeded');
    const result = await emulator.request('GET', location);
    assert.deepStrictEqual([result.status, result.body], [200, { keyLength: 64 }]);
    const after = await emulator.storedKey('cn-prod-we-paris');
    assert.strictEqual(after?.length, 64);
    assert.ok(after !== before, 'a new key');
    assert.match(after!, /^[A-Za-z0-9]+$/);
  });

  it('says how long to wait in whole seconds, or 0 ("poll at your own pace") when operations take under a second', async () => {
    assert.strictEqual((await resetKey('cn-prod-we-lyon', 16)).headers['retry-after'], '0');
    await emulator.control.setConfig({ lroMs: 2500 });
    const res = await resetKey('cn-prod-we-paris', 16);
    assert.strictEqual(res.headers['retry-after'], '3');
    const poll = await emulator.request('GET', String(res.headers['azure-asyncoperation']));
    assert.deepStrictEqual([poll.body.status, poll.headers['retry-after']], ['InProgress', '3']);
  });

  it('answers 409 AnotherOperationInProgress while an operation runs, and while the connection is still Updating after it', async () => {
    await slowOperations();
    const started = await setKey('cn-prod-we-paris', 'first-key');
    const during = await setKey('cn-prod-we-paris', 'second-key');
    assert.strictEqual(during.status, 409);
    assert.strictEqual(during.body.error.code, 'AnotherOperationInProgress');
    assert.ok(during.body.error.message.includes(String(started.headers['azure-asyncoperation'])), 'names the operation to watch');
    for (const write of [() => resetKey('cn-prod-we-paris', 10), () => emulator.request('DELETE', connectionPath('cn-prod-we-paris'))]) {
      assert.strictEqual((await write()).status, 409);
    }

    await emulator.waitForOperation(String(started.headers['azure-asyncoperation']));
    assert.strictEqual(await provisioningState('cn-prod-we-paris'), 'Updating', 'still Updating right after the key change');
    assert.strictEqual((await setKey('cn-prod-we-paris', 'second-key')).status, 409);

    await emulator.waitUntilSucceeded('cn-prod-we-paris');
    assert.strictEqual((await setKey('cn-prod-we-paris', 'second-key')).status, 201);
    assert.strictEqual((await setKey('cn-prod-we-lyon', 'other-connection')).status, 201, 'other connections are not blocked');
  });

  it('has no key for ExpressRoute or certificate-authenticated connections (400, clear codes)', async () => {
    const er = 'cn-prod-we-expressroute';
    const get = await emulator.request('GET', connectionPath(er, '/sharedkey'));
    assert.deepStrictEqual([get.status, get.body.error.code], [400, 'CannotGetSharedKeyForExpressRouteConnectionType']);
    const set = await setKey(er, 'abc');
    assert.deepStrictEqual([set.status, set.body.error.code], [400, 'CannotSetSharedKeyForExpressRouteConnectionType']);
    assert.match(set.body.error.message, /Shared Key cannot be set for Connection .* of type ExpressRoute/);
    assert.strictEqual((await resetKey(er, 32)).body.error.code, 'CannotSetSharedKeyForExpressRouteConnectionType');
    const cert = await emulator.request('GET', connectionPath('cn-prod-we-frankfurt-cert', '/sharedkey'));
    assert.deepStrictEqual([cert.status, cert.body.error.code], [400, 'CannotGetSharedKeyForCertificateAuthenticationConnection']);
  });

  it('refuses a reset key length outside 1–128 or not a whole number, and an invalid key', async () => {
    for (const bad of [0, 129, -1]) {
      const res = await resetKey('cn-prod-we-paris', bad);
      assert.deepStrictEqual([res.status, res.body.error.code], [400, 'InvalidRequestFormat'], String(bad));
      assert.match(res.body.error.message, /between 1 and 128/);
    }
    for (const bad of [1.5, 'abc', null]) {
      const res = await resetKey('cn-prod-we-paris', bad);
      assert.deepStrictEqual([res.status, res.body.error.code], [400, 'InvalidRequestContent'], String(bad));
      assert.match(res.body.error.message, /Path 'keyLength'/);
    }
    for (const bad of ['', 'x'.repeat(129), 'clé-ünïcode', 'tab\there']) {
      const res = await setKey('cn-prod-we-paris', bad);
      assert.deepStrictEqual([res.status, res.body.error.code], [400, 'ConnectionSharedKeyIsInvalid'], `key of ${bad.length} characters`);
    }
    assert.strictEqual((await setKey('cn-prod-we-paris', 'x'.repeat(128))).status, 201, '128 printable characters are fine');
  });

  it('gives the reader 403 AuthorizationFailed on keys and writes, in ARM words, but lets it read resources', async () => {
    const reader = await emulator.token('reader');
    const get = await emulator.request('GET', connectionPath('cn-prod-we-paris', '/sharedkey'), { token: reader });
    assert.strictEqual(get.status, 403);
    assert.strictEqual(get.body.error.code, 'AuthorizationFailed');
    assert.strictEqual(
      get.body.error.message,
      `The client '${emulator.info.readerClientId}' with object id 'c2b3d4e5-f6a7-4182-93a4-b5c6d7e8f9a0' does not have authorization to perform action 'Microsoft.Network/connections/sharedKey/read' over scope '/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourceGroups/${PROD_GROUP}/providers/Microsoft.Network/connections/cn-prod-we-paris' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    );
    assert.strictEqual((await setKey('cn-prod-we-paris', 'abc', reader)).status, 403);
    assert.strictEqual((await resetKey('cn-prod-we-paris', 20, reader)).status, 403);
    assert.strictEqual((await emulator.request('DELETE', connectionPath('cn-prod-we-paris'), { token: reader })).status, 403);
    assert.strictEqual((await emulator.request('GET', connectionPath('cn-prod-we-paris'), { token: reader })).status, 200);
  });

  it('creates a connection (201, Updating, then Succeeded) that lists, and whose key reads back', async () => {
    const body = {
      location: 'westeurope',
      tags: { purpose: 'backup' },
      properties: {
        connectionType: 'IPsec',
        virtualNetworkGateway1: { id: gatewayId.toLowerCase() },
        localNetworkGateway2: { id: localGatewayId },
        sharedKey: 'Backup-Key-1',
        connectionProtocol: 'IKEv2',
      },
    };
    const created = await emulator.request('PUT', connectionPath('cn-lyon-backup'), { body });
    assert.deepStrictEqual([created.status, created.body.properties.provisioningState], [201, 'Updating']);
    assert.ok(!created.text.includes('Backup-Key-1'), 'the response does not echo the key');
    assert.strictEqual(created.body.properties.virtualNetworkGateway1.id, gatewayId, 'references in canonical casing');
    await emulator.waitForOperation(String(created.headers['azure-asyncoperation']));
    const got = await emulator.request('GET', connectionPath('cn-lyon-backup'));
    assert.deepStrictEqual([got.body.properties.provisioningState, got.body.tags], ['Succeeded', { purpose: 'backup' }]);
    const listed = await emulator.request('GET', groupPath(PROD_GROUP, '/providers/Microsoft.Network/virtualNetworkGateways/vgw-prod-we/connections'));
    assert.ok(listed.body.value.some((c: { name: string }) => c.name === 'cn-lyon-backup'));
    assert.ok((await emulator.request('GET', connectionPath('cn-lyon-backup', '/sharedkey'))).body.value === 'Backup-Key-1');
  });

  it('refuses a connection to a gateway that does not exist, and a name Azure would not allow', async () => {
    const body = { location: 'westeurope', properties: { connectionType: 'IPsec', virtualNetworkGateway1: { id: gatewayId }, localNetworkGateway2: { id: `${localGatewayId}-nope` } } };
    const res = await emulator.request('PUT', connectionPath('cn-broken'), { body });
    assert.deepStrictEqual([res.status, res.body.error.code], [400, 'InvalidResourceReference']);
    for (const bad of ['cn bad name!', '_underscore-first', 'ends-with-period.', 'x'.repeat(81)]) {
      const name = await emulator.request('PUT', connectionPath(bad), { body });
      assert.deepStrictEqual([name.status, name.body.error.code], [400, 'InvalidResourceName'], bad);
    }
    assert.strictEqual((await emulator.request('GET', connectionPath('cn-broken'))).status, 404, 'nothing was created');
  });

  it('updates tags (PATCH, final state via Azure-AsyncOperation)', async () => {
    const res = await emulator.request('PATCH', connectionPath('cn-prod-we-lyon'), { body: { tags: { owner: 'network-team' } } });
    assert.strictEqual(res.status, 202);
    await emulator.waitForOperation(String(res.headers['azure-asyncoperation']));
    assert.deepStrictEqual((await emulator.request('GET', connectionPath('cn-prod-we-lyon'))).body.tags, { owner: 'network-team' });
  });

  it('deletes a connection (Deleting, then gone; a second delete is 204)', async () => {
    await slowOperations();
    const res = await emulator.request('DELETE', connectionPath('cn-prod-we-lyon'));
    assert.strictEqual(res.status, 202);
    assert.ok(res.headers.location);
    assert.strictEqual(await provisioningState('cn-prod-we-lyon'), 'Deleting');
    await emulator.waitForOperation(String(res.headers['azure-asyncoperation']));
    assert.strictEqual((await emulator.request('GET', String(res.headers.location))).status, 204);
    assert.strictEqual((await emulator.request('GET', connectionPath('cn-prod-we-lyon'))).status, 404);
    assert.strictEqual((await emulator.request('DELETE', connectionPath('cn-prod-we-lyon'))).status, 204);
  });
});
