// AzureVpnApi on the official SDK. The SDK modules are handed in by createApi.ts (loaded lazily);
// this file only imports their types.
import type * as networkSdk from '@azure/arm-network';
import type * as resourcesSdk from '@azure/arm-resources';
import type * as subscriptionsSdk from '@azure/arm-resources-subscriptions';
import type { TokenCredential } from '@azure/core-auth';
import { Agent } from 'https';
import type { PipelinePolicy, PipelineResponse } from '@azure/core-rest-pipeline';
import type { AzureVpnApi } from './api';
import { armScope, type Cloud } from './clouds';
import { Limiter, limiterPolicy, mapWithLimit, retryAfterMs } from './concurrency';
import { AzureError, StoppedWaitingError, toAzureError } from './errors';
import { keepAlivePolicy } from './keepAlive';
import { longThrottlingPolicy } from './throttling';
import { toConnection, toGateway, toLocalNetworkGateway } from './mapping';
import type {
  Connection,
  ConnectionRef,
  LocalNetworkGateway,
  NewConnection,
  OperationOptions,
  ResourceGroupRef,
  Subscription,
  Tenant,
  VirtualNetworkGateway,
} from './model';
import { parseResourceId } from './resourceId';

export interface AzureSdk {
  network: typeof networkSdk;
  resources: typeof resourcesSdk;
  subscriptions: typeof subscriptionsSdk;
}

export interface ArmVpnApiOptions {
  cloud: Cloud;
  /** The credential for a tenant (undefined: the signed-in account's home tenant). */
  credentialForTenant: (tenantId?: string) => TokenCredential;
  /** True when one sign-in can reach several tenants (VS Code account), so tenants are listed one by one. */
  multiTenant: boolean;
  tenantId?: string;
  sdk: AzureSdk;
  /** At most this many requests in flight (default 512); as many connections stay open for the next load. */
  maxConcurrentRequests?: number;
  /** How often to poll when Azure does not say (Retry-After), and while a connection is Updating. */
  pollIntervalMs?: number;
  maxRetries?: number;
  /** A 429 asking to wait longer than this fails at once with a clear message instead of waiting. */
  maxThrottleWaitSeconds?: number;
}

/** What every long-running operation is started with. */
interface LroOptions {
  abortSignal?: AbortSignal;
  updateIntervalInMs: number;
  /** Sees the operation's first response. */
  onResponse: (response: PipelineResponse) => void;
}

/** The part of the SDK's poller this file uses. */
interface Poller<T> {
  submitted(): Promise<void>;
  pollUntilDone(options?: { abortSignal?: AbortSignal }): Promise<T>;
}

/**
 * Enough for the widest level of a large tree (600 connection lists for 10 subscriptions × 30 groups ×
 * 2 gateways) to go out in about one round trip; README, Performance, has the measurements.
 */
const defaultMaxConcurrentRequests = 512;

const gatewayResourceFilter = "resourceType eq 'Microsoft.Network/virtualNetworkGateways'";

/** The SDK's paged lists, read a page at a time (item by item costs an await per item). */
interface PagedList<T> {
  byPage(): AsyncIterable<T[]>;
}

async function collect<T>(items: PagedList<T>): Promise<T[]> {
  const list: T[] = [];
  for await (const page of items.byPage()) list.push(...page);
  return list;
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new StoppedWaitingError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new StoppedWaitingError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Remembers which connections use certificate authentication: the SDK's list model drops that field. */
function authenticationTypePolicy(seen: Map<string, string>): PipelinePolicy {
  return {
    name: 'azureVpnConnectionAuthenticationType',
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

export class ArmVpnApi implements AzureVpnApi {
  readonly cloud: Cloud;
  private readonly limiter: Limiter;
  /**
   * One pool of kept-alive connections for every client, keeping as many idle as may be in flight.
   * The SDK's own pool keeps Node's default of 256: past that, every load would open the extra
   * connections again (TCP and TLS handshakes).
   */
  private readonly agent: Agent;
  private readonly pollIntervalMs: number;
  private readonly tenantBySubscription = new Map<string, string>();
  private readonly networkClients = new Map<string, networkSdk.NetworkManagementClient>();
  private readonly resourceClients = new Map<string, resourcesSdk.ResourceManagementClient>();
  private readonly authenticationTypes = new Map<string, string>();

  constructor(private readonly options: ArmVpnApiOptions) {
    this.cloud = options.cloud;
    this.limiter = new Limiter(options.maxConcurrentRequests ?? defaultMaxConcurrentRequests);
    this.agent = new Agent({ keepAlive: true, maxFreeSockets: this.limiter.maxConcurrent });
    this.pollIntervalMs = options.pollIntervalMs ?? 2000;
  }

  private clientOptions() {
    return {
      endpoint: this.cloud.resourceManagerEndpoint,
      agent: this.agent,
      credentials: { scopes: [armScope(this.cloud)] },
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

  private credentialFor(subscriptionId: string): TokenCredential {
    return this.options.credentialForTenant(this.tenantBySubscription.get(subscriptionId) ?? this.options.tenantId);
  }

  /** One SDK client per subscription, made on first use. */
  private clientFor<T>(clients: Map<string, T>, subscriptionId: string, create: new (credential: TokenCredential, subscriptionId: string, options: ReturnType<ArmVpnApi['clientOptions']>) => T): T {
    let client = clients.get(subscriptionId);
    if (!client) {
      client = new create(this.credentialFor(subscriptionId), subscriptionId, this.clientOptions());
      clients.set(subscriptionId, client);
    }
    return client;
  }

  private network(subscriptionId: string): networkSdk.NetworkManagementClient {
    return this.clientFor(this.networkClients, subscriptionId, this.options.sdk.network.NetworkManagementClient);
  }

  private resources(subscriptionId: string): resourcesSdk.ResourceManagementClient {
    return this.clientFor(this.resourceClients, subscriptionId, this.options.sdk.resources.ResourceManagementClient);
  }

  private subscriptionClient(tenantId?: string): subscriptionsSdk.SubscriptionClient {
    return new this.options.sdk.subscriptions.SubscriptionClient(this.options.credentialForTenant(tenantId), this.clientOptions());
  }

  private async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toAzureError(error);
    }
  }

  listTenants(): Promise<Tenant[]> {
    return this.call(async () => {
      const tenants = await collect(this.subscriptionClient(this.options.tenantId).tenants.list());
      return tenants
        .filter((t) => t.tenantId)
        .map((t) => ({ tenantId: t.tenantId as string, displayName: t.displayName, defaultDomain: t.defaultDomain }));
    });
  }

  private async subscriptionsOfTenant(tenantId?: string): Promise<Subscription[]> {
    const list = await collect(this.subscriptionClient(tenantId).subscriptions.list());
    return list
      .filter((s) => s.subscriptionId)
      .map((s) => ({
        subscriptionId: s.subscriptionId as string,
        displayName: s.displayName ?? (s.subscriptionId as string),
        tenantId: s.tenantId ?? tenantId ?? '',
        state: s.state,
      }));
  }

  listSubscriptions(): Promise<Subscription[]> {
    return this.call(async () => {
      let subscriptions: Subscription[];
      if (this.options.multiTenant && !this.options.tenantId) {
        const tenants = await this.listTenants();
        const perTenant = await Promise.all(tenants.map((t) => this.subscriptionsOfTenant(t.tenantId).catch(() => [])));
        const byId = new Map(perTenant.flat().map((s) => [s.subscriptionId, s]));
        subscriptions = [...byId.values()];
      } else {
        subscriptions = await this.subscriptionsOfTenant(this.options.tenantId);
      }
      for (const s of subscriptions) this.tenantBySubscription.set(s.subscriptionId, s.tenantId);
      return subscriptions.sort((a, b) => a.displayName.localeCompare(b.displayName));
    });
  }

  listGatewayResourceGroups(subscriptionId: string): Promise<ResourceGroupRef[]> {
    return this.call(async () => {
      const resources = await collect(this.resources(subscriptionId).resources.list({ filter: gatewayResourceFilter }));
      const names = new Map<string, string>();
      for (const r of resources) {
        if (!r.id) continue;
        const group = parseResourceId(r.id).resourceGroup;
        names.set(group.toLowerCase(), group);
      }
      return [...names.values()].sort((a, b) => a.localeCompare(b)).map((name) => ({ subscriptionId, name }));
    });
  }

  listGateways(group: ResourceGroupRef): Promise<VirtualNetworkGateway[]> {
    return this.call(async () => {
      const gateways = await collect(this.network(group.subscriptionId).virtualNetworkGateways.list(group.name));
      return gateways.map(toGateway).sort((a, b) => a.name.localeCompare(b.name));
    });
  }

  listAllGateways(subscriptionId: string): Promise<VirtualNetworkGateway[]> {
    return this.call(async () => {
      const groups = await this.listGatewayResourceGroups(subscriptionId);
      const perGroup = await mapWithLimit(groups, 8, (g) => this.listGateways(g));
      return perGroup.flat();
    });
  }

  listLocalNetworkGateways(subscriptionId: string): Promise<LocalNetworkGateway[]> {
    return this.call(async () => {
      const filter = "resourceType eq 'Microsoft.Network/localNetworkGateways'";
      const resources = await collect(this.resources(subscriptionId).resources.list({ filter }));
      const groups = [...new Set(resources.filter((r) => r.id).map((r) => parseResourceId(r.id as string).resourceGroup))];
      const perGroup = await mapWithLimit(groups, 8, (g) => collect(this.network(subscriptionId).localNetworkGateways.list(g)));
      return perGroup.flat().map(toLocalNetworkGateway).sort((a, b) => a.name.localeCompare(b.name));
    });
  }

  listConnections(gateway: VirtualNetworkGateway): Promise<Connection[]> {
    return this.call(async () => {
      const list = await collect(
        this.network(gateway.subscriptionId).virtualNetworkGateways.listConnections(gateway.resourceGroup, gateway.name),
      );
      return list
        .map((c) => toConnection(c, this.authenticationTypes.get((c.id ?? '').toLowerCase())))
        .sort((a, b) => a.name.localeCompare(b.name));
    });
  }

  getConnection(ref: ConnectionRef): Promise<Connection> {
    return this.call(async () => toConnection(await this.network(ref.subscriptionId).virtualNetworkGatewayConnections.get(ref.resourceGroup, ref.name)));
  }

  getSharedKey(ref: ConnectionRef): Promise<string> {
    return this.call(async () => {
      const result = await this.network(ref.subscriptionId).virtualNetworkGatewayConnections.getSharedKey(ref.resourceGroup, ref.name);
      if (!result.value) throw new AzureError('noSharedKey', 'Azure returned no shared key for this connection.');
      return result.value;
    });
  }

  setSharedKey(ref: ConnectionRef, key: string, options: OperationOptions = {}): Promise<void> {
    return this.call(async () => {
      await this.runOperation(
        (lro) => this.network(ref.subscriptionId).virtualNetworkGatewayConnections.setSharedKey(ref.resourceGroup, ref.name, { value: key }, lro),
        options,
      );
      await this.waitUntilConnectionSettled(ref, options);
    });
  }

  resetSharedKey(ref: ConnectionRef, keyLength: number, options: OperationOptions = {}): Promise<void> {
    return this.call(async () => {
      await this.runOperation(
        (lro) => this.network(ref.subscriptionId).virtualNetworkGatewayConnections.resetSharedKey(ref.resourceGroup, ref.name, { keyLength }, lro),
        options,
      );
      await this.waitUntilConnectionSettled(ref, options);
    });
  }

  deleteConnection(ref: ConnectionRef, options: OperationOptions = {}): Promise<void> {
    return this.call(async () => {
      await this.runOperation(
        (lro) => this.network(ref.subscriptionId).virtualNetworkGatewayConnections.delete(ref.resourceGroup, ref.name, lro),
        options,
      );
    });
  }

  createConnection(spec: NewConnection, options: OperationOptions = {}): Promise<Connection> {
    const peer = spec.type === 'IPsec' ? { localNetworkGateway2: { id: spec.peerId } } : { virtualNetworkGateway2: { id: spec.peerId } };
    const parameters = {
      location: spec.location,
      virtualNetworkGateway1: { id: spec.gatewayId },
      ...peer,
      connectionType: spec.type,
      connectionProtocol: spec.ikeVersion,
      sharedKey: spec.sharedKey,
    } as networkSdk.VirtualNetworkGatewayConnection;
    return this.call(async () => {
      const created = await this.runOperation(
        (lro) => this.network(spec.subscriptionId).virtualNetworkGatewayConnections.createOrUpdate(spec.resourceGroup, spec.name, parameters, lro),
        options,
      );
      return toConnection(created);
    });
  }

  /** Starts a long-running operation and polls it (at Azure's Retry-After) until it ends or the user stops waiting. */
  private async runOperation<T>(start: (lro: LroOptions) => Poller<T>, options: OperationOptions): Promise<T> {
    if (options.abortSignal?.aborted) throw new StoppedWaitingError();
    options.onProgress?.('starting');
    let firstPollAfterMs: number | undefined;
    const poller = start({
      abortSignal: options.abortSignal,
      updateIntervalInMs: this.pollIntervalMs,
      onResponse: (response) => (firstPollAfterMs = retryAfterMs(response)),
    });
    await poller.submitted();
    options.onProgress?.('applying');
    // The SDK polls right after the first response; Azure asked to wait Retry-After before that.
    if (firstPollAfterMs) await delay(firstPollAfterMs, options.abortSignal);
    return poller.pollUntilDone({ abortSignal: options.abortSignal });
  }

  /** Azure reports a key operation done while the connection is still Updating; a write then would get 409. */
  private async waitUntilConnectionSettled(ref: ConnectionRef, options: OperationOptions): Promise<void> {
    const connections = this.network(ref.subscriptionId).virtualNetworkGatewayConnections;
    let reported = false;
    for (;;) {
      const connection = await connections.get(ref.resourceGroup, ref.name, { abortSignal: options.abortSignal });
      if (connection.provisioningState === 'Failed') {
        throw new AzureError('operationFailed', 'Azure finished, but the connection is now in the Failed state.');
      }
      if (connection.provisioningState !== 'Updating') return;
      if (!reported) {
        options.onProgress?.('waitingForConnection');
        reported = true;
      }
      await delay(this.pollIntervalMs, options.abortSignal);
    }
  }
}
