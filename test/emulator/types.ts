// Shapes shared by the emulator, its control client and the tests that drive it. No runtime code:
// importing this file from the VS Code extension host pulls in nothing.

export interface EmulatorInfo {
  /** e.g. https://127.0.0.1:PORT (no trailing slash) */
  resourceManagerEndpoint: string;
  /** The token audience; deliberately not public Azure's. The scope to ask for is `${audience}.default`. */
  resourceManagerAudience: string;
  /** The token endpoint is served by the same server. */
  authorityHost: string;
  tenantId: string;
  /** The main principal: Contributor on every subscription. */
  clientId: string;
  clientSecret: string;
  /** A principal that may read resources but not read, set or reset keys, nor write (403). */
  readerClientId: string;
  readerClientSecret: string;
  /** Absolute path of the PEM certificate to trust (NODE_EXTRA_CA_CERTS or the `ca` option). */
  caFile: string;
}

export interface ThrottleConfig {
  readsPerWindow: number;
  writesPerWindow: number;
  windowMs: number;
}

/** Resource Graph's per-principal query quota: queriesPerWindow per fixed window of windowMs. */
export interface GraphQuotaConfig {
  queriesPerWindow: number;
  windowMs: number;
}

/** What can be changed while the emulator runs (POST /_emulator/config). */
export interface RuntimeConfig {
  latencyMs: number;
  lroMs: number;
  updatingMs: number;
  /** How long a tunnel whose keys match stays Connecting before it is Connected. */
  connectDelayMs: number;
  pageSize: number;
  tokenTtlSeconds: number;
  /** null: no throttling. */
  throttle: ThrottleConfig | null;
  /** Resource Graph sees writes this many ms after they happen (0: at once). */
  graphLagMs: number;
  graphQuota: GraphQuotaConfig;
}

export interface EmulatorOptions {
  /** 0 or undefined: a free port. */
  port?: number;
  /** "SUBSxGROUPSxGATEWAYSxCONNECTIONS", e.g. "10x30x2x4". */
  fleet?: string;
  /** A JSON state file (format: StateFile, see README.md). */
  stateFile?: string;
  latencyMs?: number;
  lroMs?: number;
  updatingMs?: number;
  connectDelayMs?: number;
  pageSize?: number;
  tokenTtlSeconds?: number;
  throttle?: ThrottleConfig;
  graphLagMs?: number;
  graphQuota?: GraphQuotaConfig;
  /** No request log lines on stderr. */
  quiet?: boolean;
}

export type PrincipalName = 'main' | 'reader';

export type LroOutcome = 'Failed' | 'Stuck';

/** POST /_emulator/faults: the next `count` requests matching method + pathPattern fail this way. */
export interface FaultSpec {
  method?: string;
  /** A regular expression (case-insensitive) matched against the decoded request path. */
  pathPattern: string;
  status?: number;
  dropConnection?: boolean;
  /** The request that starts a long-running operation is accepted, but the operation ends this way. */
  lroOutcome?: LroOutcome;
  /** Default 1. */
  count?: number;
  /** Let this many matching requests through first (default 0): e.g. 2 makes page 3 of a list fail. */
  skip?: number;
  /** Seconds, sent as Retry-After with a status fault. */
  retryAfter?: number;
  errorCode?: string;
  message?: string;
}

export interface Fault extends FaultSpec {
  id: string;
  /** How many more matching requests this fault will fail. */
  remaining: number;
}

export interface RequestLogEntry {
  time: string;
  method: string;
  /** Decoded path, without the query. */
  path: string;
  /** 0 when the connection was dropped on purpose. */
  status: number;
  durationMs: number;
  /** The TLS connection that carried it, numbered in the order the emulator first saw each one: kept-alive connections repeat a number. */
  connection: number;
}

export interface IssuedToken {
  access_token: string;
  expires_in: number;
  /** Seconds since the epoch. */
  expires_on: number;
}

// ---- State file format (also what GET /_emulator/state returns) ----

export type Tags = Record<string, string>;

/** A resource as ARM stores it: `id`, `type` and `etag` are derived, everything else is kept as given. */
export interface ResourceState {
  name: string;
  location: string;
  tags?: Tags;
  properties: Record<string, unknown>;
}

/** The simulated on-premises VPN device behind a local network gateway (test-only, never shown by ARM routes). */
export interface DeviceState {
  /** The pre-shared key the device holds; none: it matches no connection. */
  sharedKey?: string;
  /** false: the device never answers, so its tunnels stay Connecting. Default true. */
  reachable?: boolean;
}

export interface LocalNetworkGatewayState extends ResourceState {
  /** No device: the tunnels to this gateway report Unknown. */
  device?: DeviceState;
}

/** GET/PUT /_emulator/devices/{sub}/{group}/{localNetworkGateway}: the device and how each connection to it fares. */
export interface DeviceRecord {
  localNetworkGateway: string;
  device: DeviceState | null;
  connections: Array<{ id: string; connectionStatus: string; sharedKeyMatches: boolean }>;
}

export interface ResourceGroupState {
  name: string;
  location: string;
  tags?: Tags;
  virtualNetworkGateways: ResourceState[];
  localNetworkGateways: LocalNetworkGatewayState[];
  /** properties.sharedKey holds the key of IPsec and Vnet2Vnet connections. */
  connections: ResourceState[];
}

export interface SubscriptionState {
  subscriptionId: string;
  displayName: string;
  tenantId: string;
  state?: string;
  tags?: Tags;
  resourceGroups: ResourceGroupState[];
}

export interface TenantState {
  tenantId: string;
  displayName: string;
  defaultDomain: string;
}

export interface StateFile {
  tenants: TenantState[];
  subscriptions: SubscriptionState[];
}
