// Tokens from the Microsoft account the user signed in to VS Code with. Asked silently on every
// getToken: VS Code refreshes the session itself, so nothing here caches a token. When Azure refused
// a token (a claims challenge, a revocation), VS Code is asked for a fresh one with those claims.
import * as vscode from 'vscode';
import type { VsCodeTokenSource } from '../azure/api';
import { armScope, resolveCloud } from '../azure/clouds';
import { readAzureSettings } from './settings';
import { authenticationProviderFor, sessionScopes, tokenExpiresOn } from './tokenRequest';

/** What VS Code (1.105 and later) takes in place of scopes to answer a claims challenge. */
interface ChallengeRequest {
  wwwAuthenticate: string;
  fallbackScopes: string[];
}

type GetSessionForChallenge = (provider: string, request: ChallengeRequest, options: vscode.AuthenticationGetSessionOptions) => Thenable<vscode.AuthenticationSession | undefined>;

function challengeFor(claims: string, scopes: string[]): ChallengeRequest {
  // not user-facing: a WWW-Authenticate header value VS Code's sign-in reads
  return { wwwAuthenticate: `Bearer claims="${Buffer.from(claims, 'utf8').toString('base64')}"`, fallbackScopes: scopes };
}

/** An older VS Code refuses a challenge: the caller then reads "not signed in" and offers Sign In. */
async function sessionForChallenge(provider: string, request: ChallengeRequest, options: vscode.AuthenticationGetSessionOptions) {
  try {
    return await (vscode.authentication.getSession as unknown as GetSessionForChallenge)(provider, request, options);
  } catch {
    return undefined;
  }
}

export class VsCodeAccountTokenSource implements VsCodeTokenSource {
  /** The account of the last session handed out, for audit lines ("who"). */
  account: string | undefined;
  /** The claims Azure last asked for and VS Code could not meet silently: Sign In asks for them. */
  private pendingClaims: string | undefined;

  async getToken(scopes: string[], tenantId?: string, claims?: string) {
    const settings = readAzureSettings();
    const provider = authenticationProviderFor(settings.cloud);
    const asked = sessionScopes(scopes, tenantId ?? settings.tenantId);
    const session = claims
      ? await sessionForChallenge(provider, challengeFor(claims, asked), { silent: true })
      : await vscode.authentication.getSession(provider, asked, { silent: true });
    this.pendingClaims = claims && !session ? claims : undefined;
    if (!session) {
      return undefined;
    }
    this.account = session.account.label;
    return { token: session.accessToken, expiresOnTimestamp: tokenExpiresOn(session.accessToken, Date.now()) };
  }

  /** Asks VS Code to sign in (it shows its own dialog) for the configured cloud and tenant, meeting the claims Azure asked for. */
  async signIn(): Promise<boolean> {
    const settings = readAzureSettings();
    const provider = authenticationProviderFor(settings.cloud);
    const scopes = sessionScopes([armScope(resolveCloud(settings.cloud, settings.customCloud))], settings.tenantId);
    const session = this.pendingClaims
      ? await sessionForChallenge(provider, challengeFor(this.pendingClaims, scopes), { createIfNone: true })
      : await vscode.authentication.getSession(provider, scopes, { createIfNone: true });
    if (session) this.pendingClaims = undefined;
    return !!session;
  }
}
