// The three ways to sign in, each against the emulator's token service and Resource Manager.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { VsCodeTokenSource } from '../../../src/azure/api';
import { createAzureVpnApi } from '../../../src/azure/createApi';
import { AzureError } from '../../../src/azure/errors';
import { startFixture, type Fixture } from './fixture';

describe('sign-in methods', function () {
  this.timeout(30_000);
  let fixture: Fixture;
  let audienceScope: string;

  before(async () => {
    fixture = await startFixture();
    audienceScope = `${fixture.info.resourceManagerAudience.replace(/\/+$/, '')}/.default`;
  });
  after(() => fixture.close());

  describe('VS Code Microsoft account', () => {
    it('asks VS Code for a token with the cloud’s scope and works through every tenant', async () => {
      const asked: Array<{ scopes: string[]; tenantId?: string }> = [];
      const source: VsCodeTokenSource = {
        async getToken(scopes, tenantId) {
          asked.push({ scopes, tenantId });
          const token = await fixture.control.issueToken('main');
          return { token: token.access_token, expiresOnTimestamp: token.expires_on * 1000 };
        },
      };
      const api = await createAzureVpnApi({ ...fixture.settings, authentication: 'vscode' }, { vscodeTokenSource: source });
      const subscriptions = await api.listSubscriptions();
      assert.strictEqual(subscriptions.length, 2);
      assert.ok(asked.length >= 2, 'asked for the home tenant and for the listed tenant');
      assert.ok(asked.every((a) => a.scopes.length === 1 && a.scopes[0] === audienceScope), `scopes were ${JSON.stringify(asked.map((a) => a.scopes))}`);
      assert.ok(asked.some((a) => a.tenantId === fixture.info.tenantId), 'asked for the tenant by id');
    });

    it('says "not signed in" when VS Code has no session, without prompting', async () => {
      const source: VsCodeTokenSource = { getToken: async () => undefined };
      const api = await createAzureVpnApi({ ...fixture.settings, authentication: 'vscode' }, { vscodeTokenSource: source });
      await assert.rejects(api.listSubscriptions(), (e: unknown) => e instanceof AzureError && e.kind === 'notSignedIn');
    });
  });

  describe('Azure CLI', () => {
    let binDir: string;
    let savedPath: string | undefined;

    before(async () => {
      binDir = fs.mkdtempSync(path.join(os.tmpdir(), 'azvpn-az-'));
      const token = await fixture.control.issueToken('main');
      const output = JSON.stringify({
        accessToken: token.access_token,
        expiresOn: new Date(token.expires_on * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '.000000'),
        expires_on: token.expires_on,
        subscription: '',
        tenant: fixture.info.tenantId,
        tokenType: 'Bearer',
      });
      // A stand-in `az`: records how it was called, answers like `az account get-access-token`.
      fs.writeFileSync(path.join(binDir, 'az'), `#!/bin/sh\necho "$@" >> "${binDir}/calls.log"\ncat <<'JSON'\n${output}\nJSON\n`, { mode: 0o755 });
      savedPath = process.env.PATH;
      process.env.PATH = `${binDir}${path.delimiter}${process.env.PATH}`;
    });
    after(() => {
      process.env.PATH = savedPath;
      fs.rmSync(binDir, { recursive: true, force: true });
    });

    it('gets its token from `az account get-access-token` for the cloud’s audience', async () => {
      const api = await createAzureVpnApi({ ...fixture.settings, authentication: 'azureCli' });
      const subscriptions = await api.listSubscriptions();
      assert.strictEqual(subscriptions.length, 2);
      const calls = fs.readFileSync(path.join(binDir, 'calls.log'), 'utf8');
      assert.match(calls, /account get-access-token/);
      assert.ok(calls.includes(fixture.info.resourceManagerAudience.replace(/\/+$/, '')), `az was asked for the emulator audience: ${calls}`);
    });
  });

  describe('environment (service principal)', () => {
    it('signs in with AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET against AZURE_AUTHORITY_HOST', async () => {
      const api = await fixture.api({ as: 'main' });
      assert.strictEqual((await api.listTenants())[0].tenantId, fixture.info.tenantId);
    });

    it('signs in without a warning in the log at the default level (no deprecated baseUri from the identity client)', async () => {
      const lines: string[] = [];
      const api = await fixture.api({ as: 'main', deps: { log: (level, message) => lines.push(`${level} ${message}`), logLevel: 'warning' } });
      await api.listSubscriptions();
      assert.deepStrictEqual(lines, [], 'the SDK logged at warning level or above');
    });
  });
});
