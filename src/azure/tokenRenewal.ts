// A token Azure refuses is asked for again, fresh, once per request. A claims challenge (Continuous
// Access Evaluation: the token was revoked, or policies changed) is answered by the SDK's own
// bearer-token policy; any other refusal (401 with WWW-Authenticate, e.g. a token revoked or expired
// early) gets the same treatment with the claim "issued from now on", so no cache hands back the
// refused token. The policy's cache then holds the fresh token for the requests that follow.
import type { TokenCredential } from '@azure/core-auth';
import type * as pipelineSdk from '@azure/core-rest-pipeline';

/** The claims request for a token issued no earlier than `now` (the format Azure's claims challenges use). */
function freshTokenClaims(now: number): string {
  return JSON.stringify({ access_token: { nbf: { essential: true, value: String(Math.floor(now / 1000)) } } });
}

export function renewTokenPolicy(pipeline: typeof pipelineSdk, credential: TokenCredential, scopes: string[]): pipelineSdk.PipelinePolicy {
  return pipeline.bearerTokenAuthenticationPolicy({
    credential,
    scopes,
    challengeCallbacks: {
      async authorizeRequestOnChallenge({ scopes: challengeScopes, request, getAccessToken }) {
        const token = await getAccessToken(challengeScopes, { enableCae: true, claims: freshTokenClaims(Date.now()) });
        if (!token) return false;
        request.headers.set('Authorization', `Bearer ${token.token}`);
        return true;
      },
    },
  });
}
