// A token Azure refuses before it expires (revoked: a claims challenge, or a plain 401) is replaced by
// a fresh one once, and the work goes on without a new sign-in.
import * as assert from 'assert';
import type { VsCodeTokenSource } from '../../../src/azure/api';
import { createAzureVpnApi } from '../../../src/azure/createApi';
import { startFixture, type Fixture } from './fixture';

describe('a token Azure refused', function () {
  this.timeout(30_000);
  let fixture: Fixture;

  before(async () => {
    fixture = await startFixture();
  });
  after(() => fixture.close());
  beforeEach(() => fixture.control.reset());

  async function since(mark: number) {
    return (await fixture.control.requests()).slice(mark);
  }

  for (const claimsChallenge of [true, false]) {
    it(`is asked for again, once, after a revocation ${claimsChallenge ? 'with a claims challenge' : 'answered with a plain 401'} (service principal)`, async () => {
      const api = await fixture.api();
      assert.strictEqual((await api.listSubscriptions()).length, 2);
      await fixture.control.revokeTokens({ claimsChallenge });
      const mark = (await fixture.control.requests()).length;
      assert.strictEqual((await api.listSubscriptions()).length, 2, 'the listing failed after the revocation');
      assert.strictEqual((await api.listTenants()).length, 1);
      const seen = await since(mark);
      assert.deepStrictEqual(seen.filter((r) => r.status === 401).map((r) => r.path), ['/subscriptions'], 'refused more than once: the fresh token was not kept');
      assert.strictEqual(seen.filter((r) => r.path.includes('/oauth2/')).length, 1, 'not exactly one fresh token');
    });
  }

  it('asks VS Code for a token with the claims Azure asked for, and uses it from then on', async () => {
    let token = (await fixture.control.issueToken('main')).access_token;
    const claimsAsked: (string | undefined)[] = [];
    const source: VsCodeTokenSource = {
      async getToken(_scopes, _tenantId, claims) {
        claimsAsked.push(claims);
        // VS Code hands back its cached session until it is asked for claims.
        if (claims) token = (await fixture.control.issueToken('main')).access_token;
        return { token, expiresOnTimestamp: Date.now() + 3_600_000 };
      },
    };
    const api = await createAzureVpnApi({ ...fixture.settings, authentication: 'vscode', tenantId: fixture.info.tenantId }, { vscodeTokenSource: source });
    await api.listSubscriptions();
    await fixture.control.revokeTokens();
    const mark = (await fixture.control.requests()).length;
    assert.strictEqual((await api.listSubscriptions()).length, 2);
    assert.strictEqual((await since(mark)).filter((r) => r.status === 401).length, 1);
    const withClaims = claimsAsked.filter(Boolean);
    assert.strictEqual(withClaims.length, 1, 'VS Code was not asked once for a token with claims');
    assert.match(Buffer.from(String(withClaims[0]), 'utf8').toString(), /"nbf"/, 'the claims are not the challenge’s');
  });

  it('gives up after one fresh token that Azure refuses too: not signed in', async () => {
    const source: VsCodeTokenSource = { getToken: async () => ({ token: 'never-issued', expiresOnTimestamp: Date.now() + 3_600_000 }) };
    const api = await createAzureVpnApi({ ...fixture.settings, authentication: 'vscode', tenantId: fixture.info.tenantId }, { vscodeTokenSource: source, maxRetries: 0 });
    const mark = (await fixture.control.requests()).length;
    await assert.rejects(api.listSubscriptions(), (error: Error & { kind?: string }) => error.kind === 'notSignedIn');
    assert.strictEqual((await since(mark)).filter((r) => r.status === 401).length, 2, 'not exactly one retry with a fresh token');
  });
});
