// The credential behind every Azure call, chosen by the azureVpn.authentication setting.
// The token scope always follows the configured cloud (see armScope in clouds.ts).
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import * as l10n from '@vscode/l10n';
import type { AuthenticationMethod, VsCodeTokenSource } from './api';
import type { Cloud } from './clouds';
import { AzureError } from './errors';

const microsoftAuthorityHosts = ['login.microsoftonline.com', 'login.chinacloudapi.cn', 'login.microsoftonline.us'];

/** Azure Stack Hub and other custom authorities are not in Microsoft's instance-discovery list. */
export function needsInstanceDiscoveryDisabled(authorityHost: string): boolean {
  return !microsoftAuthorityHosts.includes(new URL(authorityHost).hostname.toLowerCase());
}

/** Asks VS Code's Microsoft account on every getToken, silently, so VS Code refreshes the token; with claims when Azure refused the last one. */
export class VsCodeCredential implements TokenCredential {
  constructor(
    private readonly source: VsCodeTokenSource,
    private readonly tenantId?: string,
  ) {}

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> {
    const list = Array.isArray(scopes) ? scopes : [scopes];
    const token = await this.source.getToken(list, options?.tenantId ?? this.tenantId, options?.claims);
    if (!token) {
      throw new AzureError('notSignedIn', l10n.t('Not signed in to Azure. Sign in with your Microsoft account.'));
    }
    return token;
  }
}

export interface CredentialChoice {
  method: AuthenticationMethod;
  cloud: Cloud;
  tenantId?: string;
  vscodeTokenSource?: VsCodeTokenSource;
}

export async function createCredential(choice: CredentialChoice): Promise<TokenCredential> {
  const { method, cloud, tenantId } = choice;
  if (method === 'vscode') {
    if (!choice.vscodeTokenSource) {
      throw new AzureError('notSignedIn', l10n.t('VS Code sign-in is not available here. Choose another sign-in method.'));
    }
    return new VsCodeCredential(choice.vscodeTokenSource, tenantId);
  }
  const identity = require('@azure/identity') as typeof import('@azure/identity');
  if (method === 'azureCli') {
    return new identity.AzureCliCredential(tenantId ? { tenantId } : {});
  }
  const authorityHost = process.env.AZURE_AUTHORITY_HOST || cloud.authorityHost;
  return new identity.EnvironmentCredential({
    authorityHost,
    disableInstanceDiscovery: needsInstanceDiscoveryDisabled(authorityHost),
  });
}
