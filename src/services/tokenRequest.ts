// How a token request becomes a VS Code authentication session request. No vscode import: unit-tested.
import type { CloudName } from '../azure/clouds';

/** Public Azure uses VS Code's `microsoft` provider; other clouds the `microsoft-sovereign-cloud` one. */
export function authenticationProviderFor(cloud: CloudName): 'microsoft' | 'microsoft-sovereign-cloud' {
  return cloud === 'AzureCloud' ? 'microsoft' : 'microsoft-sovereign-cloud';
}

/** The scopes VS Code's Microsoft provider takes: the resource scopes, plus `VSCODE_TENANT:<id>` for a tenant. */
export function sessionScopes(scopes: string[], tenantId?: string): string[] {
  return tenantId ? [...scopes, `VSCODE_TENANT:${tenantId}`] : [...scopes];
}

const fallbackLifetimeMs = 60_000;

/** When an access token expires, from its `exp` claim; a short lifetime when it cannot be read, so it is asked for again soon. */
export function tokenExpiresOn(accessToken: string, now: number): number {
  const payload = accessToken.split('.')[1];
  if (payload) {
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
      if (typeof claims.exp === 'number') {
        return claims.exp * 1000;
      }
    } catch {
      // not a JWT: fall through to the short lifetime
    }
  }
  return now + fallbackLifetimeMs;
}
