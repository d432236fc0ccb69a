import * as assert from 'assert';
import { authenticationProviderFor, sessionScopes, tokenExpiresOn } from '../../../src/services/tokenRequest';

function jwt(claims: object): string {
  return ['{"alg":"none"}', JSON.stringify(claims), ''].map((part) => Buffer.from(part).toString('base64url')).join('.');
}

describe('VS Code account token requests', () => {
  it('use the microsoft provider for public Azure and the sovereign one for every other cloud', () => {
    assert.strictEqual(authenticationProviderFor('AzureCloud'), 'microsoft');
    for (const cloud of ['AzureChinaCloud', 'AzureUSGovernment', 'Custom'] as const) {
      assert.strictEqual(authenticationProviderFor(cloud), 'microsoft-sovereign-cloud');
    }
  });

  it('add VSCODE_TENANT for a tenant, and nothing otherwise', () => {
    const scope = 'https://management.core.windows.net//.default';
    assert.deepStrictEqual(sessionScopes([scope], 'contoso.onmicrosoft.com'), [scope, 'VSCODE_TENANT:contoso.onmicrosoft.com']);
    assert.deepStrictEqual(sessionScopes([scope]), [scope]);
  });

  it('read the expiry from the token, or expire soon when it cannot be read', () => {
    assert.strictEqual(tokenExpiresOn(jwt({ exp: 1_900_000_000 }), 0), 1_900_000_000_000);
    assert.strictEqual(tokenExpiresOn('opaque-token', 1000), 61_000);
    assert.strictEqual(tokenExpiresOn('a.%%%.c', 1000), 61_000);
  });
});
