// Signing in: the emulator's token endpoint as @azure/identity sees it, and the bearer check on
// every Resource Manager request.
import { ClientSecretCredential } from '@azure/identity';
import * as assert from 'assert';
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as https from 'https';
import * as os from 'os';
import * as path from 'path';
import { defaultState, LAB_SUBSCRIPTION_ID, PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/defaultData';
import { TestEmulator } from './armClient';

describe('emulator: signing in', function () {
  this.timeout(20_000);
  const emulator = TestEmulator.inSuite();
  let agent: https.Agent;
  before(() => {
    agent = new https.Agent({ ca: fs.readFileSync(emulator.info.caFile) });
  });
  after(() => agent.destroy());

  const credential = (secret = emulator.info.clientSecret, clientId = emulator.info.clientId) =>
    new ClientSecretCredential(emulator.info.tenantId, clientId, secret, {
      authorityHost: emulator.info.authorityHost,
      disableInstanceDiscovery: true,
      agent,
    });
  const armScope = () => `${emulator.info.resourceManagerAudience.replace(/\/+$/, '')}/.default`;
  const tokenRequest = (form: Record<string, string>, tenant = emulator.info.tenantId) =>
    emulator.request('POST', `/${tenant}/oauth2/v2.0/token`, {
      token: null,
      apiVersion: null,
      rawBody: new URLSearchParams(form).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
  const clientCredentials = (overrides: Record<string, string> = {}) => ({
    grant_type: 'client_credentials',
    client_id: emulator.info.clientId,
    client_secret: emulator.info.clientSecret,
    scope: armScope(),
    ...overrides,
  });

  it('gives a ClientSecretCredential a token that opens Resource Manager', async () => {
    const token = await credential().getToken(armScope());
    const res = await emulator.request('GET', '/subscriptions', { token: token.token, apiVersion: '2022-12-01' });
    assert.strictEqual(res.status, 200);
    assert.deepStrictEqual(
      res.body.value.map((s: { displayName: string }) => s.displayName),
      ['Contoso Networking (Production)', 'Contoso Networking (Lab)'],
    );
  });

  it('refuses a wrong client secret the way Entra ID does (401 invalid_client, AADSTS7000215)', async () => {
    await assert.rejects(credential('not-the-secret').getToken(armScope()), /AADSTS7000215/);
    const res = await tokenRequest(clientCredentials({ client_secret: 'not-the-secret' }));
    assert.strictEqual(res.status, 401);
    assert.strictEqual(res.body.error, 'invalid_client');
    assert.deepStrictEqual(res.body.error_codes, [7000215]);
    assert.match(res.body.error_description, /^AADSTS7000215: Invalid client secret provided/);
  });

  it("refuses public Azure's scope: the emulator is another resource (400 invalid_resource, AADSTS500011)", async () => {
    await assert.rejects(credential().getToken('https://management.azure.com/.default'), /AADSTS500011/);
    const res = await tokenRequest(clientCredentials({ scope: 'https://management.azure.com/.default' }));
    assert.strictEqual(res.status, 400);
    assert.strictEqual(res.body.error, 'invalid_resource');
  });

  it('accepts the audience with or without its trailing slash', async () => {
    for (const scope of ['https://management.emulator.local/.default', 'https://management.emulator.local//.default']) {
      const res = await tokenRequest(clientCredentials({ scope }));
      assert.strictEqual(res.status, 200, scope);
      assert.strictEqual(res.body.token_type, 'Bearer');
    }
  });

  it('refuses an unknown application and an unknown tenant', async () => {
    const app = await tokenRequest(clientCredentials({ client_id: '00000000-0000-4000-8000-000000000000' }));
    assert.deepStrictEqual([app.status, app.body.error, app.body.error_codes], [400, 'unauthorized_client', [700016]]);
    const tenant = await tokenRequest(clientCredentials(), 'no-such-tenant');
    assert.deepStrictEqual([tenant.status, tenant.body.error_codes], [400, [90002]]);
  });

  it('issues tokens for as long as tokenTtlSeconds says', async () => {
    await emulator.control.setConfig({ tokenTtlSeconds: 120 });
    const res = await tokenRequest(clientCredentials());
    assert.strictEqual(res.body.expires_in, 120);
  });

  it('answers a request without a bearer token with 401 and a Bearer challenge', async () => {
    const res = await emulator.request('GET', '/subscriptions', { token: null, apiVersion: '2022-12-01' });
    assert.strictEqual(res.status, 401);
    assert.strictEqual(res.body.error.code, 'AuthenticationFailed');
    const challenge = String(res.headers['www-authenticate']);
    assert.ok(challenge.startsWith(`Bearer authorization_uri="${emulator.info.authorityHost}/${emulator.info.tenantId}"`), challenge);
    assert.match(challenge, /error="invalid_token"/);
  });

  it('refuses a token it never issued (InvalidAuthenticationToken)', async () => {
    const res = await emulator.request('GET', '/subscriptions', { token: 'made-up', apiVersion: '2022-12-01' });
    assert.deepStrictEqual([res.status, res.body.error.code], [401, 'InvalidAuthenticationToken']);
    assert.ok(res.headers['www-authenticate']);
  });

  it('refuses an expired token (ExpiredAuthenticationToken), also one expired through the control API', async () => {
    const born = await emulator.control.issueToken('main', 0);
    const expired = await emulator.request('GET', '/subscriptions', { token: born.access_token, apiVersion: '2022-12-01' });
    assert.deepStrictEqual([expired.status, expired.body.error.code], [401, 'ExpiredAuthenticationToken']);
    assert.match(String(expired.headers['www-authenticate']), /error="invalid_token"/);

    const fresh = (await emulator.control.issueToken('main')).access_token;
    assert.strictEqual((await emulator.request('GET', '/subscriptions', { token: fresh, apiVersion: '2022-12-01' })).status, 200);
    await emulator.control.expireTokens();
    const after = await emulator.request('GET', '/subscriptions', { token: fresh, apiVersion: '2022-12-01' });
    assert.deepStrictEqual([after.status, after.body.error.code], [401, 'ExpiredAuthenticationToken']);
  });
});

describe('emulator: tenants (state file with two tenants)', function () {
  this.timeout(20_000);
  const otherTenant = { tenantId: 'd4c3b2a1-9f8e-4d7c-8b6a-5f4e3d2c1b0a', displayName: 'Fabrikam Lab', defaultDomain: 'fabrikamlab.onmicrosoft.com' };
  const stateFile = path.join(os.tmpdir(), `emulator-state-${randomUUID()}.json`);
  before(() => {
    const state = defaultState();
    state.tenants.push(otherTenant);
    state.subscriptions.find((s) => s.subscriptionId === LAB_SUBSCRIPTION_ID)!.tenantId = otherTenant.tenantId;
    fs.writeFileSync(stateFile, JSON.stringify(state));
  });
  const emulator = TestEmulator.inSuite({ stateFile });
  after(() => fs.rmSync(stateFile, { force: true }));

  it('lists only the subscriptions of the tenant the token is for', async () => {
    const res = await emulator.request('GET', '/subscriptions', { apiVersion: '2022-12-01' });
    assert.deepStrictEqual(res.body.value.map((s: { subscriptionId: string }) => s.subscriptionId), [PRODUCTION_SUBSCRIPTION_ID]);
    const tenants = await emulator.request('GET', '/tenants', { apiVersion: '2022-12-01' });
    assert.deepStrictEqual(tenants.body.value.map((t: { tenantId: string }) => t.tenantId), [emulator.info.tenantId, otherTenant.tenantId]);
  });

  it("refuses a token of another tenant on a subscription, naming the subscription's authority", async () => {
    const res = await emulator.request('GET', `/subscriptions/${LAB_SUBSCRIPTION_ID}/resourcegroups`, { apiVersion: '2025-04-01' });
    assert.deepStrictEqual([res.status, res.body.error.code], [401, 'InvalidAuthenticationTokenTenant']);
    assert.ok(String(res.headers['www-authenticate']).includes(`${emulator.info.authorityHost}/${otherTenant.tenantId}"`));
  });

  it('opens that subscription with a token asked from its own tenant', async () => {
    const token = await emulator.request('POST', `/${otherTenant.tenantId}/oauth2/v2.0/token`, {
      token: null,
      apiVersion: null,
      rawBody: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: emulator.info.clientId,
        client_secret: emulator.info.clientSecret,
        scope: 'https://management.emulator.local/.default',
      }).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    const res = await emulator.request('GET', `/subscriptions/${LAB_SUBSCRIPTION_ID}/resourcegroups`, { token: token.body.access_token, apiVersion: '2025-04-01' });
    assert.strictEqual(res.status, 200);
    assert.ok(res.body.value.some((g: { name: string }) => g.name === 'rg-lab.vpn-eastus'));
  });
});
