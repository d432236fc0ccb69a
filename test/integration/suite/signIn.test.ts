// Sign-in that follows VS Code: the cloud of VS Code's own Microsoft sign-in when azureVpn.cloud is
// not set, a token Azure revoked replaced without a reload, and a tenant that cannot be read shown.
import * as assert from 'assert';
import { emulator, requestCount, requestsSince } from '../support/emulator';
import { childLabels, childrenOf, descriptionOf, eventually, extensionApi, labelOf, runCommand, updateSetting, userSetting } from '../support/extensionUnderTest';
import { TestUserInput } from '../support/testUserInput';

const production = 'Contoso Networking (Production)';
const lab = 'Contoso Networking (Lab)';

function emulatorInfo() {
  return JSON.parse(String(process.env.AZVPN_EMULATOR)) as { resourceManagerEndpoint: string; authorityHost: string; resourceManagerAudience: string };
}

/** Changes settings for one test and puts back what the test host had. */
async function withSettings(settings: Record<string, unknown>, run: () => Promise<void>): Promise<void> {
  const before = Object.fromEntries(Object.keys(settings).map((key) => [key, userSetting(key)]));
  try {
    for (const [key, value] of Object.entries(settings)) await updateSetting(key, value);
    await run();
  } finally {
    for (const [key, value] of Object.entries(before)) await updateSetting(key, value);
  }
}

describe('Sign-in that follows VS Code', () => {
  beforeEach(async () => {
    await emulator().reset();
  });

  it('Sign In while signed in says who is signed in and offers another method instead of an error', async () => {
    assert.deepStrictEqual(await childLabels(), [lab, production]);
    const input = await runCommand('azureVpn.signIn', new TestUserInput().choose('Signed in to Azure', undefined));
    const [said] = input.messages;
    assert.strictEqual(said.severity, 'info');
    assert.match(said.message, /^Signed in to Azure with the environment credential [0-9a-f-]{36}\.$/);
    assert.deepStrictEqual(said.actions, ['Choose Sign-in Method…', 'Sign In Again']);
  });

  it('uses the cloud of VS Code’s Microsoft sign-in (microsoft-sovereign-cloud) when azureVpn.cloud is not set', async () => {
    const info = emulatorInfo();
    const vscodeCloud = (audience: string) => ({
      name: 'Emulated Azure Stack Hub',
      resourceManagerEndpointUrl: info.resourceManagerEndpoint,
      activeDirectoryEndpointUrl: `${info.authorityHost}/`,
      activeDirectoryResourceId: audience,
      portalUrl: info.resourceManagerEndpoint,
    });
    await withSettings(
      {
        'azureVpn.cloud': undefined,
        'azureVpn.customCloud': undefined,
        'microsoft-sovereign-cloud.environment': 'custom',
        'microsoft-sovereign-cloud.customEnvironment': vscodeCloud('https://management.core.windows.net/'),
      },
      async () => {
        // Public Azure's audience: the emulator's token service refuses it, so the tree cannot show subscriptions.
        await eventually('the tree follows VS Code’s custom cloud, and its wrong audience fails', async () => !(await childLabels()).includes(production));
        await updateSetting('microsoft-sovereign-cloud.customEnvironment', vscodeCloud(info.resourceManagerAudience));
        await eventually('the subscriptions show with the custom cloud VS Code signs in to', async () => (await childLabels()).join() === [lab, production].join());
      },
    );
  });

  for (const claimsChallenge of [true, false]) {
    it(`a token Azure revoked (${claimsChallenge ? 'claims challenge' : 'plain 401'}) is replaced by a fresh one: the tree loads without a reload or a new sign-in`, async () => {
      assert.deepStrictEqual(await childLabels(), [lab, production]);
      // Marked before the revocation: a request still running from an earlier test may be the one that meets it.
      const mark = await requestCount();
      await emulator().revokeTokens({ claimsChallenge });
      assert.deepStrictEqual(await childLabels(), [lab, production], 'the subscriptions are gone after the revocation');
      assert.deepStrictEqual(await childLabels((await childrenOf())[1]), ['rg-vpn.prod(westeurope)_01', 'rg-Zürich-vpn']);
      const seen = await requestsSince(mark);
      const refused = seen.filter((request) => request.status === 401);
      assert.ok(refused.length >= 1, 'Azure never refused the revoked token');
      // Each request in flight with the revoked token is refused once and sent again with the fresh one, never refused again.
      assert.strictEqual(new Set(refused.map((request) => request.path)).size, refused.length, 'Azure refused a request twice');
      assert.strictEqual(seen.filter((request) => request.path.includes('/oauth2/')).length, 1, 'not exactly one fresh token');
    });
  }

  it('a tenant whose subscriptions cannot be listed is shown in the tree with the reason, not dropped', async () => {
    const api = await extensionApi();
    const tenantId = JSON.parse(String(process.env.AZVPN_EMULATOR)).tenantId as string;
    // A VS Code account that can reach the directory but not sign in to its one tenant (e.g. MFA required there).
    api.setVsCodeTokenSourceForTests({
      async getToken(_scopes, tenant) {
        if (tenant === tenantId) return undefined;
        const { access_token: token, expires_on: expiresOn } = await emulator().issueToken();
        return { token, expiresOnTimestamp: expiresOn * 1000 };
      },
    });
    try {
      await withSettings({ 'azureVpn.authentication': 'vscode' }, async () => {
        await eventually('the tree says a tenant could not be read', async () => (await childLabels()).includes('1 tenant could not be read'));
        const [note] = await childrenOf();
        assert.strictEqual(labelOf(note), '1 tenant could not be read');
        assert.match(descriptionOf(note), /^Contoso Networks \(emulated\): Not signed in to Azure/);
        assert.strictEqual(note.getTreeItem().command?.command, 'azureVpn.signIn');
      });
    } finally {
      api.setVsCodeTokenSourceForTests(undefined);
    }
    await eventually('the subscriptions are back', async () => (await childLabels()).join() === [lab, production].join());
  });
});
