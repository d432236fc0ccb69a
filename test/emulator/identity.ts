// The Microsoft Entra ID side: OpenID metadata and the client-credentials token endpoint in the
// shape @azure/identity (MSAL) expects, plus the bearer check ARM does on every request. Tokens
// are opaque random strings the emulator remembers with their principal, tenant and expiry.
import { randomBytes, randomUUID } from 'crypto';
import { ArmError } from './armErrors';
import type { Reply } from './http';
import type { IssuedToken, PrincipalName, TenantState } from './types';

export interface Principal {
  name: PrincipalName;
  clientId: string;
  clientSecret: string;
  objectId: string;
  /** Contributor: may read and write everything, keys included. Reader: reads resources only. */
  role: 'Contributor' | 'Reader';
}

export interface Caller {
  principal: Principal;
  tenantId: string;
}

interface TokenRecord extends Caller {
  expiresAt: number;
  /** Revoked before it expired (a password reset, a disabled account): how ARM says so. */
  revoked?: 'claimsChallenge' | 'invalidToken';
}

const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access']);

const withoutTrailingSlashes = (s: string): string => s.replace(/\/+$/, '');

export class Identity {
  readonly principals: Record<PrincipalName, Principal> = {
    main: {
      name: 'main',
      clientId: '4d3c2b1a-0f9e-4d8c-b7a6-958473625140',
      clientSecret: randomBytes(24).toString('base64url'),
      objectId: 'b1a2c3d4-e5f6-4071-8293-a4b5c6d7e8f9',
      role: 'Contributor',
    },
    reader: {
      name: 'reader',
      clientId: '7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918',
      clientSecret: randomBytes(24).toString('base64url'),
      objectId: 'c2b3d4e5-f6a7-4182-93a4-b5c6d7e8f9a0',
      role: 'Reader',
    },
  };
  private readonly tokens = new Map<string, TokenRecord>();

  constructor(
    private readonly tenants: () => TenantState[],
    readonly authorityHost: string,
    readonly audience: string,
  ) {}

  findTenant(idOrDomain: string): TenantState | undefined {
    const wanted = idOrDomain.toLowerCase();
    return this.tenants().find((t) => t.tenantId.toLowerCase() === wanted || t.defaultDomain?.toLowerCase() === wanted);
  }

  issue(principal: Principal, tenantId: string, ttlSeconds: number, now: number): IssuedToken {
    const token = randomBytes(32).toString('base64url');
    this.tokens.set(token, { principal, tenantId, expiresAt: now + ttlSeconds * 1000 });
    return { access_token: token, expires_in: ttlSeconds, expires_on: Math.floor(now / 1000) + ttlSeconds };
  }

  expireAll(now: number): number {
    for (const record of this.tokens.values()) record.expiresAt = Math.min(record.expiresAt, now);
    return this.tokens.size;
  }

  /** Every token issued so far is refused from now on; tokens issued later are not. */
  revokeAll(how: 'claimsChallenge' | 'invalidToken'): number {
    for (const record of this.tokens.values()) record.revoked = how;
    return this.tokens.size;
  }

  /** GET /{tenant}/v2.0/.well-known/openid-configuration */
  openIdConfiguration(tenant: string): Reply {
    const known = this.findTenant(tenant);
    const multiTenant = ['common', 'organizations'].includes(tenant.toLowerCase());
    if (!known && !multiTenant) return this.entraError(400, 'invalid_tenant', 90002, this.tenantNotFound(tenant));
    const base = `${this.authorityHost}/${known ? known.tenantId : tenant}`;
    return {
      status: 200,
      body: {
        token_endpoint: `${base}/oauth2/v2.0/token`,
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
        jwks_uri: `${base}/discovery/v2.0/keys`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        issuer: `${this.authorityHost}/${known ? known.tenantId : '{tenantid}'}/v2.0`,
        request_uri_parameter_supported: false,
        userinfo_endpoint: `${this.authorityHost}/oidc/userinfo`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
        http_logout_supported: true,
        frontchannel_logout_supported: true,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'tid', 'oid'],
        kerberos_endpoint: `${base}/kerberos`,
        tenant_region_scope: 'EU',
        cloud_instance_name: new URL(this.authorityHost).host,
        cloud_graph_host_name: 'graph.windows.net',
        msgraph_host: 'graph.microsoft.com',
        rbac_url: 'https://pas.windows.net',
      },
    };
  }

  /** POST /{tenant}/oauth2/v2.0/token with a client-credentials form. */
  tokenRequest(tenant: string, form: URLSearchParams, ttlSeconds: number, now: number): Reply {
    const known = this.findTenant(tenant);
    if (!known) return this.entraError(400, 'invalid_request', 90002, this.tenantNotFound(tenant));
    const grantType = form.get('grant_type');
    if (grantType !== 'client_credentials') {
      return this.entraError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType ?? ''}'.`);
    }
    const clientId = form.get('client_id') ?? '';
    const principal = Object.values(this.principals).find((p) => p.clientId.toLowerCase() === clientId.toLowerCase());
    if (!principal) {
      return this.entraError(400, 'unauthorized_client', 700016,
        `Application with identifier '${clientId}' was not found in the directory '${known.displayName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`);
    }
    const secret = form.get('client_secret');
    if (!secret) {
      return this.entraError(401, 'invalid_client', 7000216, "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.");
    }
    if (secret !== principal.clientSecret) {
      return this.entraError(401, 'invalid_client', 7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${principal.clientId}'.`);
    }
    const scopeError = this.checkScope(form.get('scope'), known);
    if (scopeError) return scopeError;
    const token = this.issue(principal, known.tenantId, ttlSeconds, now);
    return {
      status: 200,
      headers: { 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache' },
      body: { token_type: 'Bearer', expires_in: token.expires_in, ext_expires_in: token.expires_in, access_token: token.access_token },
    };
  }

  private checkScope(scope: string | null, tenant: TenantState): Reply | undefined {
    const scopes = (scope ?? '').split(' ').filter((s) => s && !OIDC_SCOPES.has(s));
    if (scopes.length === 0) {
      return this.entraError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'scope'.");
    }
    if (scopes.length > 1 || !scopes[0].endsWith('/.default')) {
      return this.entraError(400, 'invalid_scope', 1002012,
        `The provided value for scope ${scopes.join(' ')} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
    }
    const resource = scopes[0].slice(0, -'/.default'.length);
    if (withoutTrailingSlashes(resource) !== withoutTrailingSlashes(this.audience)) {
      return this.entraError(400, 'invalid_resource', 500011,
        `The resource principal named ${resource} was not found in the tenant named ${tenant.displayName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`);
    }
    return undefined;
  }

  private tenantNotFound(tenant: string): string {
    return `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`;
  }

  private entraError(status: number, error: string, code: number, description: string): Reply {
    const traceId = randomUUID();
    const correlationId = randomUUID();
    const timestamp = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
    return {
      status,
      body: {
        error,
        error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
        error_codes: [code],
        timestamp,
        trace_id: traceId,
        correlation_id: correlationId,
        error_uri: `${this.authorityHost}/error?code=${code}`,
      },
    };
  }

  /** The bearer check ARM does before anything else. */
  authenticate(authorization: string | undefined, now: number): Caller {
    if (!authorization) {
      throw this.unauthorized('AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.");
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) {
      throw this.unauthorized('AuthenticationFailed', "Authentication failed. The 'Authorization' header is provided in an invalid format.");
    }
    const record = this.tokens.get(match[1]);
    if (!record) throw this.unauthorized('InvalidAuthenticationToken', 'The access token is invalid.');
    if (record.revoked) throw this.revoked(record, now);
    if (record.expiresAt <= now) {
      const utc = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '');
      throw this.unauthorized(
        'ExpiredAuthenticationToken',
        `The access token expiry UTC time '${utc(record.expiresAt)}' is earlier than current UTC time '${utc(now)}'.`,
        record.tenantId,
      );
    }
    return { principal: record.principal, tenantId: record.tenantId };
  }

  /** A token for one tenant used on a subscription of another: ARM names the right authority. */
  wrongTenant(caller: Caller, subscriptionTenantId: string): ArmError {
    const issuer = (t: string) => `${this.authorityHost}/${t}/`;
    return this.unauthorized(
      'InvalidAuthenticationTokenTenant',
      `The access token is from the wrong issuer '${issuer(caller.tenantId)}'. It must match the tenant '${issuer(subscriptionTenantId)}' associated with this subscription. Please use the authority (URL) '${this.authorityHost}/${subscriptionTenantId}' to get the token.`,
      subscriptionTenantId,
    );
  }

  /** Continuous access evaluation: a claims challenge asking for a token issued after now; otherwise a plain refusal. */
  private revoked(record: TokenRecord, now: number): ArmError {
    const message = 'The access token has been revoked. Get a new token and try again.';
    if (record.revoked === 'invalidToken') return this.unauthorized('InvalidAuthenticationToken', message, record.tenantId);
    const claims = Buffer.from(JSON.stringify({ access_token: { nbf: { essential: true, value: String(Math.floor(now / 1000)) } } })).toString('base64');
    const challenge = `Bearer authorization_uri="${this.authorityHost}/${record.tenantId}", error="insufficient_claims", claims="${claims}"`;
    return new ArmError(401, 'InvalidAuthenticationToken', message, { 'WWW-Authenticate': challenge });
  }

  private unauthorized(code: string, message: string, tenantId?: string): ArmError {
    const tenant = tenantId ?? this.tenants()[0].tenantId;
    const challenge = `Bearer authorization_uri="${this.authorityHost}/${tenant}", error="invalid_token", error_description="${message.replace(/"/g, "'")}"`;
    return new ArmError(401, code, message, { 'WWW-Authenticate': challenge });
  }
}

/** ARM's 403 for a principal without the right, worded as ARM words it. */
export function authorizationFailed(caller: Caller, action: string, scope: string): ArmError {
  return new ArmError(
    403,
    'AuthorizationFailed',
    `The client '${caller.principal.clientId}' with object id '${caller.principal.objectId}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  );
}
