// The official SDK's clients, made once per subscription with the same pipeline: a bound on requests
// in flight that follows ARM's throttling budget, one pool of kept-alive connections, the tenant's
// credential, and a fresh token asked for once when Azure refuses the one it has.
import type * as networkSdk from '@azure/arm-network';
import type * as graphSdk from '@azure/arm-resourcegraph';
import type * as resourcesSdk from '@azure/arm-resources';
import type * as subscriptionsSdk from '@azure/arm-resources-subscriptions';
import type { TokenCredential } from '@azure/core-auth';
import type * as pipelineSdk from '@azure/core-rest-pipeline';
import type { PipelinePolicy, PipelineResponse } from '@azure/core-rest-pipeline';
import { Agent } from 'https';
import { armScope, type Cloud } from './clouds';
import { Limiter, limiterPolicy } from './concurrency';
import { GraphQuota } from './graphThrottling';
import { keepAlivePolicy } from './keepAlive';
import { longThrottlingPolicy } from './throttling';
import { renewTokenPolicy } from './tokenRenewal';

export interface AzureSdk {
  network: typeof networkSdk;
  resources: typeof resourcesSdk;
  subscriptions: typeof subscriptionsSdk;
  resourceGraph: typeof graphSdk;
  pipeline: typeof pipelineSdk;
}

export interface SdkClientOptions {
  cloud: Cloud;
  sdk: AzureSdk;
  /** The credential for a tenant (undefined: the signed-in account's home tenant). */
  credentialForTenant: (tenantId?: string) => TokenCredential;
  tenantId?: string;
  maxConcurrentRequests: number;
  maxRetries?: number;
  /** A 429 asking to wait longer than this fails at once with a clear message instead of waiting. */
  maxThrottleWaitSeconds?: number;
  /** Resource Graph's quota is waited for when it resets within this; past it Graph counts as throttled (default 5 s, Graph's window). */
  maxGraphWaitSeconds?: number;
}

/** The SDK's paged lists, read a page at a time (item by item costs an await per item). */
interface PagedList<T> {
  byPage(): AsyncIterable<T[]>;
}

export async function collect<T>(items: PagedList<T>): Promise<T[]> {
  const list: T[] = [];
  for await (const page of items.byPage()) list.push(...page);
  return list;
}

/** Remembers which connections use certificate authentication: the SDK's list model drops that field. */
const authenticationTypePolicyName = 'azureVpnConnectionAuthenticationType';

function authenticationTypePolicy(seen: Map<string, string>): PipelinePolicy {
  return {
    name: authenticationTypePolicyName,
    async sendRequest(request, next) {
      const response = await next(request);
      // Most lists carry no authenticationType at all: those are not parsed a second time.
      if (request.method === 'GET' && /\/connections(\?|$)/i.test(request.url) && response.bodyAsText?.includes('"authenticationType"')) {
        try {
          const body = JSON.parse(response.bodyAsText) as { value?: Array<{ id?: string; properties?: { authenticationType?: string } }> };
          for (const item of body.value ?? []) {
            if (item.id && item.properties?.authenticationType) seen.set(item.id.toLowerCase(), item.properties.authenticationType);
          }
        } catch {
          // Not JSON: the SDK reports that itself.
        }
      }
      return response;
    },
  };
}

interface ClientWithPipeline {
  pipeline: pipelineSdk.Pipeline;
}

type ExtraPolicy = { policy: PipelinePolicy; position: 'perCall' | 'perRetry' };

/** As the SDK's ServiceClient adds its additionalPolicies: per retry right after signing. */
function addPolicies(pipeline: pipelineSdk.Pipeline, policies: ExtraPolicy[]): void {
  for (const { policy, position } of policies) pipeline.addPolicy(policy, { afterPhase: position === 'perRetry' ? 'Sign' : undefined });
}

export class SdkClients {
  readonly limiter: Limiter;
  /** Connections that use certificate authentication, by lower-case id (see authenticationTypePolicy). */
  readonly authenticationTypes = new Map<string, string>();
  /**
   * One pool of kept-alive connections for every client, keeping as many idle as may be in flight.
   * The SDK's own pool keeps Node's default of 256: past that, every load would open the extra
   * connections again (TCP and TLS handshakes).
   */
  private readonly agent: Agent;
  private readonly tenantBySubscription = new Map<string, string>();
  private readonly networkClients = new Map<string, networkSdk.NetworkManagementClient>();
  private readonly resourceClients = new Map<string, resourcesSdk.ResourceManagementClient>();
  /** One bearer-token policy per credential: every client of a tenant shares its cached token, and a renewal. */
  private readonly tokenPolicies = new Map<TokenCredential, PipelinePolicy>();
  readonly graphQuota: GraphQuota;
  private readonly graphClients = new Map<string, graphSdk.ResourceGraphClient>();
  /** Pipelines for plain GETs (sendGet), one per credential. */
  private readonly pipelines = new Map<TokenCredential, pipelineSdk.Pipeline>();
  private httpClient: pipelineSdk.HttpClient | undefined;

  constructor(private readonly options: SdkClientOptions) {
    this.limiter = new Limiter(options.maxConcurrentRequests);
    this.agent = new Agent({ keepAlive: true, maxFreeSockets: this.limiter.maxConcurrent });
    this.graphQuota = new GraphQuota((options.maxGraphWaitSeconds ?? 5) * 1000);
  }

  /** One Resource Graph client per tenant: a query answers for the subscriptions of its token's tenant. It follows Graph's quota, not ARM's budgets. */
  resourceGraph(tenantId?: string): graphSdk.ResourceGraphClient {
    const key = tenantId ?? '';
    let client = this.graphClients.get(key);
    if (!client) {
      const credential = this.options.credentialForTenant(tenantId ?? this.options.tenantId);
      const { additionalPolicies: _armPolicies, ...options } = this.clientOptions();
      client = this.withTokenRenewal(new this.options.sdk.resourceGraph.ResourceGraphClient(credential, options), credential);
      addPolicies(client.pipeline, [
        { policy: this.graphQuota.policy(), position: 'perRetry' },
        { policy: keepAlivePolicy(), position: 'perCall' },
      ]);
      this.graphClients.set(key, client);
    }
    return client;
  }

  /** A GET with the subscription's tenant's credential through the pipeline every client has: no SDK client per subscription. */
  sendGet(subscriptionId: string, url: string): Promise<PipelineResponse> {
    const sdk = this.options.sdk.pipeline;
    const credential = this.credentialOf(subscriptionId);
    let pipeline = this.pipelines.get(credential);
    if (!pipeline) {
      const options = this.clientOptions();
      pipeline = sdk.createPipelineFromOptions({ agent: options.agent, retryOptions: options.retryOptions, userAgentOptions: options.userAgentOptions });
      pipeline.addPolicy(this.tokenPolicy(credential), { phase: 'Sign' });
      // The JSON it reads keeps authenticationType: no second parse of the answer.
      addPolicies(pipeline, options.additionalPolicies.filter(({ policy }) => policy.name !== authenticationTypePolicyName));
      this.pipelines.set(credential, pipeline);
    }
    this.httpClient ??= sdk.createDefaultHttpClient();
    return pipeline.sendRequest(this.httpClient, sdk.createPipelineRequest({ url, method: 'GET' }));
  }

  /** Subscriptions are read through their own tenant's credential from now on. */
  rememberTenant(subscriptionId: string, tenantId: string): void {
    this.tenantBySubscription.set(subscriptionId, tenantId);
  }

  tenantOf(subscriptionId: string): string | undefined {
    return this.tenantBySubscription.get(subscriptionId);
  }

  network(subscriptionId: string): networkSdk.NetworkManagementClient {
    return this.perSubscription(this.networkClients, subscriptionId, this.options.sdk.network.NetworkManagementClient);
  }

  resources(subscriptionId: string): resourcesSdk.ResourceManagementClient {
    return this.perSubscription(this.resourceClients, subscriptionId, this.options.sdk.resources.ResourceManagementClient);
  }

  subscriptionClient(tenantId?: string): subscriptionsSdk.SubscriptionClient {
    const credential = this.options.credentialForTenant(tenantId);
    return this.withTokenRenewal(new this.options.sdk.subscriptions.SubscriptionClient(credential, this.clientOptions()), credential);
  }

  private clientOptions() {
    return {
      endpoint: this.options.cloud.resourceManagerEndpoint,
      agent: this.agent,
      credentials: { scopes: [armScope(this.options.cloud)] },
      retryOptions: { maxRetries: this.options.maxRetries ?? 4, retryDelayInMs: 800, maxRetryDelayInMs: 60_000 },
      userAgentOptions: { userAgentPrefix: 'azure-vpn-gateway-connections' },
      additionalPolicies: [
        { policy: limiterPolicy(this.limiter), position: 'perRetry' as const },
        { policy: longThrottlingPolicy(this.options.maxThrottleWaitSeconds ?? 30), position: 'perRetry' as const },
        { policy: authenticationTypePolicy(this.authenticationTypes), position: 'perCall' as const },
        { policy: keepAlivePolicy(), position: 'perCall' as const },
      ],
    };
  }

  /** One SDK client per subscription, made on first use. */
  private perSubscription<T extends ClientWithPipeline>(
    clients: Map<string, T>,
    subscriptionId: string,
    create: new (credential: TokenCredential, subscriptionId: string, options: ReturnType<SdkClients['clientOptions']>) => T,
  ): T {
    let client = clients.get(subscriptionId);
    if (!client) {
      const credential = this.credentialOf(subscriptionId);
      client = this.withTokenRenewal(new create(credential, subscriptionId, this.clientOptions()), credential);
      clients.set(subscriptionId, client);
    }
    return client;
  }

  private credentialOf(subscriptionId: string): TokenCredential {
    return this.options.credentialForTenant(this.tenantBySubscription.get(subscriptionId) ?? this.options.tenantId);
  }

  /** The SDK's bearer-token policy, told to ask once for a fresh token when Azure refuses the one it has; one per credential. */
  private tokenPolicy(credential: TokenCredential): PipelinePolicy {
    let policy = this.tokenPolicies.get(credential);
    if (!policy) {
      policy = renewTokenPolicy(this.options.sdk.pipeline, credential, [armScope(this.options.cloud)]);
      this.tokenPolicies.set(credential, policy);
    }
    return policy;
  }

  private withTokenRenewal<T extends ClientWithPipeline>(client: T, credential: TokenCredential): T {
    client.pipeline.removePolicy({ name: this.options.sdk.pipeline.bearerTokenAuthenticationPolicyName });
    client.pipeline.addPolicy(this.tokenPolicy(credential), { phase: 'Sign' });
    return client;
  }
}
