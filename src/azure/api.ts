// The one interface the VS Code side uses to reach Azure. Implemented on the official SDK in
// armVpnApi.ts; created lazily by createAzureVpnApi so activation loads no Azure package.
import type { Cloud, CloudName, CustomCloudSettings } from './clouds';
import type { FleetConnection, GatewayDiscovery } from './fleet';
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
  VirtualNetworkGateway,
} from './model';
import type { TroubleshootingApi } from './tunnelOperations';

export type AuthenticationMethod = 'vscode' | 'azureCli' | 'environment';

export interface AzureSettings {
  cloud: CloudName;
  customCloud?: CustomCloudSettings;
  authentication: AuthenticationMethod;
  tenantId?: string;
}

/** Asks VS Code's Microsoft authentication provider for a token, silently (no prompt). */
export interface VsCodeTokenSource {
  /** `claims`: Azure refused the last token; a fresh one must satisfy these claims (a claims challenge). */
  getToken(scopes: string[], tenantId?: string, claims?: string): Promise<{ token: string; expiresOnTimestamp: number } | undefined>;
}

/** Every list comes sorted by name (subscriptions by display name): callers show it as it is. */
export interface AzureVpnApi extends TroubleshootingApi {
  readonly cloud: Cloud;
  listTenants(): Promise<Tenant[]>;
  listSubscriptions(): Promise<Subscription[]>;
  /** The same, and the tenants whose subscriptions could not be listed (a VS Code account reaches several). */
  listSubscriptionsOfEveryTenant(): Promise<SubscriptionListing>;
  /** Resource groups that hold at least one virtual network gateway: one paged call per subscription. */
  listGatewayResourceGroups(subscriptionId: string): Promise<ResourceGroupRef[]>;
  listGateways(group: ResourceGroupRef): Promise<VirtualNetworkGateway[]>;
  /** Every virtual network gateway of a subscription (to pick the other end of a Vnet2Vnet). */
  listAllGateways(subscriptionId: string): Promise<VirtualNetworkGateway[]>;
  listLocalNetworkGateways(subscriptionId: string): Promise<LocalNetworkGateway[]>;
  listConnections(gateway: VirtualNetworkGateway): Promise<Connection[]>;
  getConnection(ref: ConnectionRef): Promise<Connection>;
  getSharedKey(ref: ConnectionRef): Promise<string>;
  /** Sets the key, then waits until the connection is no longer Updating. */
  setSharedKey(ref: ConnectionRef, key: string, options?: OperationOptions): Promise<void>;
  /** Asks Azure for a new random key of that length, then waits until the connection is no longer Updating. */
  resetSharedKey(ref: ConnectionRef, keyLength: number, options?: OperationOptions): Promise<void>;
  deleteConnection(ref: ConnectionRef, options?: OperationOptions): Promise<void>;
  createConnection(spec: NewConnection, options?: OperationOptions): Promise<Connection>;
  /** Reads the connection until it is no longer busy with an operation (Updating, Deleting, …). */
  waitWhileBusy(ref: ConnectionRef, options?: OperationOptions): Promise<Connection>;
  /** Resource Graph: every subscription of the account and every virtual network gateway in them (two queries at once, paged). */
  discoverGateways(): Promise<GatewayDiscovery>;
  /** Resource Graph: every connection of these subscriptions, with this session's writes Graph has not seen yet laid over it. */
  discoverConnections(subscriptionIds: string[]): Promise<FleetConnection[]>;
  /**
   * Resource Manager, live: the connections listed under the gateway, read from the connection list of its group (and of
   * `alsoIn`, groups known to hold some of them): one request per group, shared by the gateways that ask at the same time.
   */
  listConnectionsByGroup(gateway: VirtualNetworkGateway, alsoIn?: ResourceGroupRef[]): Promise<Connection[]>;
}
