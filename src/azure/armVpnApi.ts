// AzureVpnApi on the official SDK. The SDK modules are handed in by createApi.ts (loaded lazily);
// this file only imports their types. The clients and their pipeline are in sdkClients.ts, the
// long-running operations in longRunning.ts.
import type * as networkSdk from '@azure/arm-network';
import * as l10n from '@vscode/l10n';
import type { AzureVpnApi } from './api';
import { ArmReader } from './armReader';
import type { Cloud } from './clouds';
import { mapWithLimit } from './concurrency';
import { AzureError, toAzureError } from './errors';
import { fleetConnectionOf, type FleetConnection, type GatewayDiscovery } from './fleet';
import { runOperation, waitWhileBusy } from './longRunning';
import { toConnection, toGateway, toLocalNetworkGateway } from './mapping';
import type {
  Connection,
  ConnectionRef,
  LocalNetworkGateway,
  NewConnection,
  OperationOptions,
  ResourceGroupRef,
  Subscription,
  SubscriptionListing,
  Tenant,
  UnreadTenant,
  VirtualNetworkGateway,
} from './model';
import { ResourceGraph } from './resourceGraph';
import { connectionId, parseResourceId, resourceGroupId, sameResourceId } from './resourceId';
import { collect, SdkClients, type SdkClientOptions } from './sdkClients';
import { TunnelOperations, type TroubleshootingApi } from './tunnelOperations';
import { WriteOverlay } from './writeOverlay';

export interface ArmVpnApiOptions extends Omit<SdkClientOptions, 'maxConcurrentRequests'> {
  /** True when one sign-in can reach several tenants (VS Code account), so tenants are listed one by one. */
  multiTenant: boolean;
  /** At most this many requests in flight (default 512); as many connections stay open for the next load. */
  maxConcurrentRequests?: number;
  /** How often to poll when Azure does not say (Retry-After), and while a connection is Updating. */
  pollIntervalMs?: number;
}

/**
 * Enough for the widest level of a large tree (600 connection lists for 10 subscriptions × 30 groups ×
 * 2 gateways) to go out in about one round trip; README, Performance, has the measurements.
 */
const defaultMaxConcurrentRequests = 512;

// not user-facing: an OData filter Azure reads
const typeFilter = (type: string) => `resourceType eq 'Microsoft.Network/${type}'`;

export class ArmVpnApi implements AzureVpnApi {
  readonly cloud: Cloud;
  private readonly clients: SdkClients;
  private readonly pollIntervalMs: number;
  private readonly tunnels: TunnelOperations;
  private readonly graph: ResourceGraph;
  private readonly reader: ArmReader;
  /** This session's writes, laid over Resource Graph's answers until Graph has seen them. */
  private readonly overlay = new WriteOverlay();

  constructor(private readonly options: ArmVpnApiOptions) {
    this.cloud = options.cloud;
    this.clients = new SdkClients({ ...options, maxConcurrentRequests: options.maxConcurrentRequests ?? defaultMaxConcurrentRequests });
    this.pollIntervalMs = options.pollIntervalMs ?? 2000;
    this.tunnels = new TunnelOperations(this.clients, this.pollIntervalMs);
    this.graph = new ResourceGraph((tenantId) => this.clients.resourceGraph(tenantId));
    this.reader = new ArmReader(options.cloud.resourceManagerEndpoint, (subscriptionId, url) => this.clients.sendGet(subscriptionId, url), options.sdk.pipeline.RestError);
  }

  private async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toAzureError(error);
    }
  }

  private connections(subscriptionId: string): networkSdk.NetworkManagementClient['virtualNetworkGatewayConnections'] {
    return this.clients.network(subscriptionId).virtualNetworkGatewayConnections;
  }

  listTenants(): Promise<Tenant[]> {
    return this.call(async () => {
      const tenants = await collect(this.clients.subscriptionClient(this.options.tenantId).tenants.list());
      return tenants
        .filter((t) => t.tenantId)
        .map((t) => ({ tenantId: t.tenantId as string, displayName: t.displayName, defaultDomain: t.defaultDomain }));
    });
  }

  private async subscriptionsOfTenant(tenantId?: string): Promise<Subscription[]> {
    const list = await collect(this.clients.subscriptionClient(tenantId).subscriptions.list());
    return list
      .filter((s) => s.subscriptionId)
      .map((s) => ({
        subscriptionId: s.subscriptionId as string,
        displayName: s.displayName ?? (s.subscriptionId as string),
        tenantId: s.tenantId ?? tenantId ?? '',
        state: s.state,
      }));
  }

  async listSubscriptions(): Promise<Subscription[]> {
    return (await this.listSubscriptionsOfEveryTenant()).subscriptions;
  }

  listSubscriptionsOfEveryTenant(): Promise<SubscriptionListing> {
    return this.call(async () => {
      let subscriptions: Subscription[];
      const unreadTenants: UnreadTenant[] = [];
      if (this.options.multiTenant && !this.options.tenantId) {
        const tenants = await this.listTenants();
        const perTenant = await Promise.all(
          tenants.map((t) =>
            this.subscriptionsOfTenant(t.tenantId).catch((error: unknown) => {
              unreadTenants.push({ tenantId: t.tenantId, displayName: t.displayName, reason: toAzureError(error).message });
              return [];
            }),
          ),
        );
        const byId = new Map(perTenant.flat().map((s) => [s.subscriptionId, s]));
        subscriptions = [...byId.values()];
      } else {
        subscriptions = await this.subscriptionsOfTenant(this.options.tenantId);
      }
      for (const s of subscriptions) this.clients.rememberTenant(s.subscriptionId, s.tenantId);
      return { subscriptions: subscriptions.sort((a, b) => a.displayName.localeCompare(b.displayName)), unreadTenants };
    });
  }

  private async groupsHolding(subscriptionId: string, type: string): Promise<string[]> {
    const resources = await collect(this.clients.resources(subscriptionId).resources.list({ filter: typeFilter(type) }));
    const names = new Map<string, string>();
    for (const r of resources) {
      if (!r.id) continue;
      const group = parseResourceId(r.id).resourceGroup;
      names.set(group.toLowerCase(), group);
    }
    return [...names.values()].sort((a, b) => a.localeCompare(b));
  }

  listGatewayResourceGroups(subscriptionId: string): Promise<ResourceGroupRef[]> {
    return this.call(async () => (await this.groupsHolding(subscriptionId, 'virtualNetworkGateways')).map((name) => ({ subscriptionId, name })));
  }

  listGateways(group: ResourceGroupRef): Promise<VirtualNetworkGateway[]> {
    return this.call(async () => {
      const gateways = await collect(this.clients.network(group.subscriptionId).virtualNetworkGateways.list(group.name));
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
      const groups = await this.groupsHolding(subscriptionId, 'localNetworkGateways');
      const perGroup = await mapWithLimit(groups, 8, (g) => collect(this.clients.network(subscriptionId).localNetworkGateways.list(g)));
      return perGroup.flat().map(toLocalNetworkGateway).sort((a, b) => a.name.localeCompare(b.name));
    });
  }

  listConnections(gateway: VirtualNetworkGateway): Promise<Connection[]> {
    return this.call(async () => {
      const list = await collect(this.clients.network(gateway.subscriptionId).virtualNetworkGateways.listConnections(gateway.resourceGroup, gateway.name));
      const connections = list.map((c) => toConnection(c, this.clients.authenticationTypes.get((c.id ?? '').toLowerCase())));
      this.overlay.seenLive(connections);
      return connections.sort((a, b) => a.name.localeCompare(b.name));
    });
  }

  getConnection(ref: ConnectionRef): Promise<Connection> {
    return this.call(async () => {
      const connection = toConnection(await this.connections(ref.subscriptionId).get(ref.resourceGroup, ref.name));
      this.overlay.seenLive([connection]);
      return connection;
    });
  }

  getSharedKey(ref: ConnectionRef): Promise<string> {
    return this.call(async () => {
      const result = await this.connections(ref.subscriptionId).getSharedKey(ref.resourceGroup, ref.name);
      if (!result.value) throw new AzureError('noSharedKey', l10n.t('Azure returned no shared key for this connection.'));
      return result.value;
    });
  }

  setSharedKey(ref: ConnectionRef, key: string, options: OperationOptions = {}): Promise<void> {
    return this.call(async () => {
      await runOperation((lro) => this.connections(ref.subscriptionId).setSharedKey(ref.resourceGroup, ref.name, { value: key }, lro), options, this.pollIntervalMs);
      await this.settledAfterKeyChange(ref, options);
    });
  }

  resetSharedKey(ref: ConnectionRef, keyLength: number, options: OperationOptions = {}): Promise<void> {
    return this.call(async () => {
      await runOperation((lro) => this.connections(ref.subscriptionId).resetSharedKey(ref.resourceGroup, ref.name, { keyLength }, lro), options, this.pollIntervalMs);
      await this.settledAfterKeyChange(ref, options);
    });
  }

  deleteConnection(ref: ConnectionRef, options: OperationOptions = {}): Promise<void> {
    return this.call(async () => {
      await runOperation((lro) => this.connections(ref.subscriptionId).delete(ref.resourceGroup, ref.name, lro), options, this.pollIntervalMs);
      this.overlay.deleted(connectionId(ref));
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
      const created = await runOperation(
        (lro) => this.connections(spec.subscriptionId).createOrUpdate(spec.resourceGroup, spec.name, parameters, lro),
        options,
        this.pollIntervalMs,
      );
      const connection = toConnection(created);
      this.overlay.written(fleetConnectionOf(connection));
      return connection;
    });
  }

  waitWhileBusy(ref: ConnectionRef, options: OperationOptions = {}): Promise<Connection> {
    return this.call(async () => {
      const last = await waitWhileBusy((abortSignal) => this.connections(ref.subscriptionId).get(ref.resourceGroup, ref.name, { abortSignal }), options, this.pollIntervalMs);
      return toConnection(last);
    });
  }

  getIkeSas: TroubleshootingApi['getIkeSas'] = (...args) => this.call(() => this.tunnels.getIkeSas(...args));
  resetConnection: TroubleshootingApi['resetConnection'] = (...args) => this.call(() => this.tunnels.resetConnection(...args));
  getBgpPeerSessions: TroubleshootingApi['getBgpPeerSessions'] = (...args) => this.call(() => this.tunnels.getBgpPeerSessions(...args));
  getLearnedRoutes: TroubleshootingApi['getLearnedRoutes'] = (...args) => this.call(() => this.tunnels.getLearnedRoutes(...args));
  getAdvertisedRoutes: TroubleshootingApi['getAdvertisedRoutes'] = (...args) => this.call(() => this.tunnels.getAdvertisedRoutes(...args));
  listSupportedVpnDevices: TroubleshootingApi['listSupportedVpnDevices'] = (...args) => this.call(() => this.tunnels.listSupportedVpnDevices(...args));
  getVpnDeviceConfigurationScript: TroubleshootingApi['getVpnDeviceConfigurationScript'] = (...args) => this.call(() => this.tunnels.getVpnDeviceConfigurationScript(...args));
  updateConnectionSettings: TroubleshootingApi['updateConnectionSettings'] = (...args) => this.call(() => this.tunnels.updateConnectionSettings(...args));
  discoverGateways(): Promise<GatewayDiscovery> {
    return this.call(async () => {
      const tenants = this.options.multiTenant && !this.options.tenantId ? (await this.listTenants()).map((t) => t.tenantId) : [this.options.tenantId];
      const found = await this.graph.gateways(tenants);
      for (const s of found.subscriptions) this.clients.rememberTenant(s.subscriptionId, s.tenantId);
      return found;
    });
  }

  discoverConnections(subscriptionIds: string[]): Promise<FleetConnection[]> {
    const perTenant = this.options.multiTenant && !this.options.tenantId;
    const tenantOf = (id: string) => (perTenant ? this.clients.tenantOf(id) : this.options.tenantId);
    return this.call(async () => this.overlay.apply(await this.graph.connections(subscriptionIds, tenantOf)));
  }

  listConnectionsByGroup(gateway: VirtualNetworkGateway, alsoIn: ResourceGroupRef[] = []): Promise<Connection[]> {
    return this.call(async () => {
      const own = { subscriptionId: gateway.subscriptionId, name: gateway.resourceGroup };
      const groups = new Map([own, ...alsoIn].map((group) => [resourceGroupId(group).toLowerCase(), group]));
      const lists = await Promise.all([...groups.values()].map((group) => this.reader.connectionsInGroup(group)));
      this.overlay.seenLive(lists.flat(), [...groups.values()]);
      return lists
        .flat()
        .filter((connection) => sameResourceId(connection.gateway1Id, gateway.id))
        .sort((a, b) => a.name.localeCompare(b.name));
    });
  }

  /** Azure reports a key operation done while the connection is still Updating; a write then would get 409. */
  private async settledAfterKeyChange(ref: ConnectionRef, options: OperationOptions): Promise<void> {
    const connection = await this.waitWhileBusy(ref, options);
    if (connection.provisioningState === 'Failed') {
      throw new AzureError('operationFailed', l10n.t('Azure finished, but the connection is now in the Failed state.'));
    }
  }
}
