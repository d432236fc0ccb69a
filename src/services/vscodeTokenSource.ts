// Tokens from the Microsoft account the user signed in to VS Code with. Asked silently on every
// getToken: VS Code refreshes the session itself, so nothing here caches a token.
import * as vscode from 'vscode';
import type { VsCodeTokenSource } from '../azure/api';
import { armScope, resolveCloud } from '../azure/clouds';
import { readAzureSettings } from './settings';
import { authenticationProviderFor, sessionScopes, tokenExpiresOn } from './tokenRequest';

export class VsCodeAccountTokenSource implements VsCodeTokenSource {
  /** The account of the last session handed out, for audit lines ("who"). */
  account: string | undefined;

  async getToken(scopes: string[], tenantId?: string) {
    const settings = readAzureSettings();
    const session = await vscode.authentication.getSession(
      authenticationProviderFor(settings.cloud),
      sessionScopes(scopes, tenantId ?? settings.tenantId),
      { silent: true },
    );
    if (!session) {
      return undefined;
    }
    this.account = session.account.label;
    return { token: session.accessToken, expiresOnTimestamp: tokenExpiresOn(session.accessToken, Date.now()) };
  }
}

/** Asks VS Code to sign in (it shows its own dialog) for the configured cloud and tenant. */
export async function signInWithVsCodeAccount(): Promise<boolean> {
  const settings = readAzureSettings();
  const scopes = sessionScopes([armScope(resolveCloud(settings.cloud, settings.customCloud))], settings.tenantId);
  const session = await vscode.authentication.getSession(authenticationProviderFor(settings.cloud), scopes, { createIfNone: true });
  return !!session;
}
