// A small HTTPS client for the emulator's /_emulator/ control API, for tests in other processes
// (the VS Code extension host, e2e). It trusts info.caFile itself, so NODE_EXTRA_CA_CERTS is optional.
import * as fs from 'fs';
import * as https from 'https';
import type {
  DeviceRecord,
  DeviceState,
  EmulatorInfo,
  Fault,
  FaultSpec,
  IssuedToken,
  PrincipalName,
  RequestLogEntry,
  ResourceState,
  RuntimeConfig,
  StateFile,
} from './types';

export class EmulatorControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'EmulatorControlError';
  }
}

const devicePath = (...segments: string[]) => ['devices', ...segments].map(encodeURIComponent).join('/');

export class EmulatorControl {
  private readonly ca: Buffer;
  private readonly agent: https.Agent;

  constructor(private readonly info: EmulatorInfo) {
    this.ca = fs.readFileSync(info.caFile);
    this.agent = new https.Agent({ ca: this.ca, keepAlive: false });
  }

  /** Everything the emulator holds, keys included. */
  state(): Promise<StateFile> {
    return this.call('GET', 'state');
  }

  /** Back to the initial data and configuration; faults, operations and the request log cleared. */
  async reset(): Promise<void> {
    await this.call('POST', 'reset');
  }

  addFault(fault: FaultSpec): Promise<Fault> {
    return this.call('POST', 'faults', fault);
  }

  faults(): Promise<Fault[]> {
    return this.call('GET', 'faults');
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', 'faults');
  }

  setConfig(change: Partial<RuntimeConfig>): Promise<RuntimeConfig> {
    return this.call('POST', 'config', change);
  }

  requests(): Promise<RequestLogEntry[]> {
    return this.call('GET', 'requests');
  }

  /** A bearer token as the token endpoint would issue it (what a stand-in `az` prints). */
  issueToken(principal: PrincipalName = 'main', expiresInSeconds?: number): Promise<IssuedToken> {
    return this.call('POST', 'tokens', { principal, ...(expiresInSeconds !== undefined ? { expiresInSeconds } : {}) });
  }

  /** Expires every token issued so far: the next ARM call with one gets 401 ExpiredAuthenticationToken. */
  /** Every token issued so far is refused: with a claims challenge (continuous access evaluation), or with a plain 401. */
  async revokeTokens(options: { claimsChallenge?: boolean } = {}): Promise<void> {
    await this.call('POST', 'tokens/revoke', options);
  }

  async expireTokens(): Promise<void> {
    await this.call('POST', 'tokens/expire');
  }

  /** One connection as the emulator holds it, key and current provisioningState included. */
  connection(subscriptionId: string, resourceGroup: string, name: string): Promise<ResourceState> {
    return this.call('GET', ['connections', subscriptionId, resourceGroup, name].map(encodeURIComponent).join('/'));
  }

  /** The simulated on-premises device behind a local network gateway (null: none), key included, and whether each connection's key matches it. */
  device(subscriptionId: string, resourceGroup: string, localNetworkGateway: string): Promise<DeviceRecord> {
    return this.call('GET', devicePath(subscriptionId, resourceGroup, localNetworkGateway));
  }

  /** "Updates the peer device": it now holds this key (and answers unless `reachable: false`); its tunnels negotiate again. */
  setDevice(subscriptionId: string, resourceGroup: string, localNetworkGateway: string, device: DeviceState): Promise<DeviceRecord> {
    return this.call('PUT', devicePath(subscriptionId, resourceGroup, localNetworkGateway), device);
  }

  /** No device any more behind that local network gateway: its tunnels report Unknown. */
  async removeDevice(subscriptionId: string, resourceGroup: string, localNetworkGateway: string): Promise<void> {
    await this.call('DELETE', devicePath(subscriptionId, resourceGroup, localNetworkGateway));
  }

  /** A subscription more that holds nothing (until the next reset). */
  addSubscription(subscriptionId: string, displayName: string): Promise<{ subscriptionId: string; displayName: string; tenantId: string; state: string }> {
    return this.call('PUT', `subscriptions/${subscriptionId}`, { displayName });
  }

  private call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = new URL(`/_emulator/${path}`, this.info.resourceManagerEndpoint);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise<T>((resolve, reject) => {
      const req = https.request(
        url,
        {
          method,
          agent: this.agent,
          headers: payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {},
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = res.statusCode ?? 0;
            if (status >= 400) reject(new EmulatorControlError(status, `${method} /_emulator/${path} → ${status}: ${text}`));
            else resolve((text ? JSON.parse(text) : undefined) as T);
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }
}
