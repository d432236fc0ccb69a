// Provider metadata (what clients pick an api-version from) and cloud metadata (what clients read
// to register the emulator as a custom cloud).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { API_VERSIONS } from '../../emulator/apiVersions';
import { repoRoot } from '../../emulator/certificate';
import { PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/defaultData';
import { connectionPath, TestEmulator } from './armClient';

const RESOURCES_API = '2025-04-01';
const EXAMPLE = path.join(repoRoot(), 'test', 'emulator', 'specs', 'resources', 'resource-manager', 'Microsoft.Resources', 'stable', '2025-04-01', 'examples', 'GetProvider.json');

type Json = Record<string, unknown>;
const keys = (o: object): string[] => Object.keys(o).sort();

describe('emulator: provider metadata', function () {
  this.timeout(20_000);
  const emulator = TestEmulator.inSuite();
  const provider = async (scope: string, namespace = 'Microsoft.Network') => emulator.request('GET', `${scope}/providers/${namespace}`, { apiVersion: RESOURCES_API });

  it('answers Providers_Get at the example’s api-version in the shape of the official example, registered', async () => {
    const { parameters, responses } = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
    const example = responses['200'].body;
    const res = await emulator.request('GET', `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/providers/Microsoft.Network`, { apiVersion: parameters['api-version'] });
    assert.strictEqual(res.status, 200);
    assert.deepStrictEqual(keys(res.body), keys(example));
    const exampleType = keys(example.resourceTypes[1]);
    for (const t of res.body.resourceTypes) assert.deepStrictEqual(keys(t), exampleType, t.resourceType);
    assert.deepStrictEqual([res.body.id, res.body.namespace, res.body.registrationState], [`/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/providers/Microsoft.Network`, 'Microsoft.Network', 'Registered']);
  });

  it('lists each type’s api-versions newest first, and one picked from it works', async () => {
    const res = await provider(`/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}`, 'microsoft.NETWORK');
    const connections = res.body.resourceTypes.find((t: Json) => t.resourceType === 'connections');
    assert.deepStrictEqual(connections.apiVersions, [...API_VERSIONS.network].reverse());
    assert.ok(connections.locations.includes('West Europe'));
    for (const apiVersion of [connections.apiVersions[0], connections.apiVersions.at(-1)]) {
      assert.strictEqual((await emulator.request('GET', connectionPath('cn-prod-we-paris'), { apiVersion })).status, 200, apiVersion);
    }
  });

  it('lists the namespaces it serves, at subscription and tenant scope', async () => {
    const subscription = await emulator.request('GET', `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/providers`, { apiVersion: RESOURCES_API });
    assert.deepStrictEqual(subscription.body.value.map((p: Json) => p.namespace), ['Microsoft.Resources', 'Microsoft.Network', 'Microsoft.ResourceGraph']);
    assert.ok(subscription.body.value.every((p: Json) => p.registrationState === 'Registered'));
    const tenant = await emulator.request('GET', '/providers/Microsoft.Network', { apiVersion: RESOURCES_API });
    assert.deepStrictEqual([tenant.status, tenant.body.id, 'registrationState' in tenant.body], [200, '/providers/Microsoft.Network', false]);
    const graph = (await emulator.request('GET', '/providers', { apiVersion: RESOURCES_API })).body.value.find((p: Json) => p.namespace === 'Microsoft.ResourceGraph');
    assert.deepStrictEqual(graph.resourceTypes[0].apiVersions, [...API_VERSIONS.resourceGraph].reverse());
  });

  it('answers an unknown namespace with 404 InvalidResourceNamespace', async () => {
    const res = await provider(`/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}`, 'Microsoft.Compute');
    assert.deepStrictEqual([res.status, res.body.error], [404, { code: 'InvalidResourceNamespace', message: "The resource namespace 'Microsoft.Compute' is invalid." }]);
  });
});

describe('emulator: cloud metadata', function () {
  this.timeout(20_000);
  const emulator = TestEmulator.inSuite();
  const metadata = (apiVersion: string | null) => emulator.request('GET', '/metadata/endpoints', { apiVersion, token: null });

  it('describes the emulator as a cloud without a token, one object from 2022-09-01, a list at 2019-05-01', async () => {
    const cloud = (await metadata('2022-09-01')).body;
    assert.strictEqual(cloud.resourceManager, `${emulator.info.resourceManagerEndpoint}/`);
    assert.deepStrictEqual([cloud.authentication.loginEndpoint, cloud.authentication.audiences], [emulator.info.authorityHost, [emulator.info.resourceManagerAudience]]);
    assert.deepStrictEqual((await metadata('2019-05-01')).body, [cloud]);
  });

  it('answers the 2015-01-01 form msrestazure and `az cloud register` read', async () => {
    const legacy = (await metadata('2015-01-01')).body;
    assert.deepStrictEqual(legacy.authentication, { loginEndpoint: `${emulator.info.authorityHost}/`, audiences: [emulator.info.resourceManagerAudience] });
    assert.strictEqual(typeof legacy.graphEndpoint, 'string');
  });

  it('signs in and calls Resource Manager with nothing but what it describes', async () => {
    const cloud = (await metadata('2022-09-01')).body;
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: emulator.info.clientId, client_secret: emulator.info.clientSecret, scope: `${cloud.authentication.audiences[0]}.default` });
    const token = await emulator.request('POST', `${cloud.authentication.loginEndpoint}/${emulator.info.tenantId}/oauth2/v2.0/token`, {
      rawBody: form.toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, token: null, apiVersion: null,
    });
    const subs = await emulator.request('GET', new URL('subscriptions', cloud.resourceManager).toString(), { token: token.body.access_token, apiVersion: '2022-12-01' });
    assert.deepStrictEqual([token.status, subs.status], [200, 200]);
  });

  it('requires a known api-version', async () => {
    assert.deepStrictEqual((await metadata(null)).body.error.code, 'MissingApiVersionParameter');
    const unknown = await metadata('2018-01-01');
    assert.deepStrictEqual([unknown.status, unknown.body.error.message], [400, "The api-version '2018-01-01' is invalid. The supported versions are '2022-09-01,2019-05-01,2015-01-01'."]);
  });
});
