// Test helpers: start an emulator in this process and talk raw HTTPS to it, trusting its CA through
// the `ca` option (so the tests pass with or without NODE_EXTRA_CA_CERTS).
import * as fs from 'fs';
import * as https from 'https';
import { EmulatorControl } from '../../emulator/control';
import { PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/defaultData';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import type { EmulatorInfo, EmulatorOptions, PrincipalName } from '../../emulator/types';

export const NETWORK_API = '2026-01-01';
export const PROD_GROUP = 'rg-vpn.prod(westeurope)_01';

export interface ArmResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON, or undefined for an empty body. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read nested JSON freely
  text: string;
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as is, for malformed bodies. */
  rawBody?: string | Buffer;
  /** A bearer token; null sends none; undefined uses the main principal's. */
  token?: string | null;
  /** Added as api-version unless the path has one; null sends none. */
  apiVersion?: string | null;
  headers?: Record<string, string>;
}

/** The path of a connection (or one of its sub-resources), segments encoded as the SDK encodes them. */
export function connectionPath(name: string, suffix = '', group = PROD_GROUP, subscriptionId = PRODUCTION_SUBSCRIPTION_ID): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${encodeURIComponent(group)}/providers/Microsoft.Network/connections/${encodeURIComponent(name)}${suffix}`;
}

export function groupPath(group: string, suffix = '', subscriptionId = PRODUCTION_SUBSCRIPTION_ID): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${encodeURIComponent(group)}${suffix}`;
}

export class TestEmulator {
  private running?: RunningEmulator;
  private controlClient?: EmulatorControl;
  private agent?: https.Agent;
  private readonly tokens = new Map<PrincipalName, string>();

  private constructor(private readonly options: EmulatorOptions = {}) {}

  /** An emulator for a mocha suite: started before it, closed after it, reset after each test. */
  static inSuite(options: EmulatorOptions = {}): TestEmulator {
    const emulator = new TestEmulator(options);
    before(() => emulator.start());
    after(() => emulator.close());
    afterEach(() => emulator.reset());
    return emulator;
  }

  /** For an emulator running elsewhere (another process). */
  static attach(running: RunningEmulator): TestEmulator {
    const emulator = new TestEmulator();
    emulator.use(running);
    return emulator;
  }

  /** Quick operations by default, so tests wait little. */
  private async start(): Promise<void> {
    this.use(await startEmulator({ lroMs: 80, updatingMs: 80, quiet: true, ...this.options }));
  }

  private use(running: RunningEmulator): void {
    this.running = running;
    this.controlClient = new EmulatorControl(running.info);
    this.agent = new https.Agent({ ca: fs.readFileSync(running.info.caFile), keepAlive: true });
  }

  get info(): EmulatorInfo {
    return this.running!.info;
  }

  get control(): EmulatorControl {
    return this.controlClient!;
  }

  async token(principal: PrincipalName = 'main'): Promise<string> {
    let token = this.tokens.get(principal);
    if (!token) {
      token = (await this.control.issueToken(principal)).access_token;
      this.tokens.set(principal, token);
    }
    return token;
  }

  /** Back to the initial data; tokens issued so far stay valid. */
  async reset(): Promise<void> {
    await this.control.reset();
  }

  async close(): Promise<void> {
    this.agent?.destroy();
    await this.running?.close();
  }

  /** A raw request; `pathOrUrl` is a path below the endpoint or an absolute URL (nextLink, Azure-AsyncOperation). */
  async request(method: string, pathOrUrl: string, options: RequestOptions = {}): Promise<ArmResponse> {
    const url = new URL(pathOrUrl, this.info.resourceManagerEndpoint);
    const apiVersion = options.apiVersion === undefined ? NETWORK_API : options.apiVersion;
    if (apiVersion !== null && !url.searchParams.has('api-version')) url.searchParams.set('api-version', apiVersion);
    const token = options.token === undefined ? await this.token('main') : options.token;
    const payload = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const headers: Record<string, string | number> = { ...options.headers };
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    if (payload !== undefined) {
      headers['Content-Type'] ??= 'application/json';
      headers['Content-Length'] = Buffer.byteLength(payload);
    }
    return new Promise((resolve, reject) => {
      const req = https.request(url, { method, agent: this.agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : undefined, text });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Polls an Azure-AsyncOperation URL until the operation is no longer InProgress. */
  async waitForOperation(asyncOperationUrl: string): Promise<ArmResponse> {
    for (;;) {
      const res = await this.request('GET', asyncOperationUrl);
      if (res.body?.status !== 'InProgress') return res;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Waits until the connection is out of Updating (after a key change). */
  async waitUntilSucceeded(name: string, group = PROD_GROUP, subscriptionId = PRODUCTION_SUBSCRIPTION_ID): Promise<void> {
    for (;;) {
      const res = await this.request('GET', connectionPath(name, '', group, subscriptionId));
      if (res.body?.properties?.provisioningState === 'Succeeded') return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** The key the emulator holds (never printed by the tests). */
  async storedKey(name: string, group = PROD_GROUP): Promise<string | undefined> {
    return (await this.control.connection(PRODUCTION_SUBSCRIPTION_ID, group, name)).properties.sharedKey as string | undefined;
  }
}
