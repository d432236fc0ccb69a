// Load (issue 5, item 5): 2,000 mixed requests (reads, lists, key reads, sets, resets; the polls of
// accepted operations come on top) from 50 concurrent clients over keep-alive HTTPS, with 500/503/429,
// dropped connections and failing operations injected throughout. Afterwards the emulator still
// answers, and every connection holds what its last successful write left: no lost update. Writes
// are ordered by the endTime Azure reports for their operation. Key values are compared, never printed.
import * as assert from 'assert';
import { LAB_SUBSCRIPTION_ID, PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/defaultData';
import type { FaultSpec } from '../../emulator/types';
import { connectionPath, groupPath, PROD_GROUP, TestEmulator, type ArmResponse } from './armClient';

const REQUESTS = 2_000;
const CLIENTS = 50;
const FAULT_CODE = 'LoadTestFault';

interface Target {
  group: string;
  name: string;
  subscriptionId: string;
}

const KEYED: Target[] = [
  { group: PROD_GROUP, name: 'cn-prod-we-paris', subscriptionId: PRODUCTION_SUBSCRIPTION_ID },
  { group: PROD_GROUP, name: 'cn-prod-we-lyon', subscriptionId: PRODUCTION_SUBSCRIPTION_ID },
  { group: PROD_GROUP, name: 'cn-prod-we-zurich', subscriptionId: PRODUCTION_SUBSCRIPTION_ID },
  { group: 'rg-Zürich-vpn', name: 'cn-zrh-prod-we', subscriptionId: PRODUCTION_SUBSCRIPTION_ID },
  { group: 'rg-Zürich-vpn', name: 'cn-zrh-geneva', subscriptionId: PRODUCTION_SUBSCRIPTION_ID },
  { group: 'rg-lab.vpn-eastus', name: 'cn-lab-home', subscriptionId: LAB_SUBSCRIPTION_ID },
  { group: 'rg-lab.vpn-eastus', name: 'cn-lab-fabrikam', subscriptionId: LAB_SUBSCRIPTION_ID },
];
const KEYLESS: Target[] = [
  { group: PROD_GROUP, name: 'cn-prod-we-expressroute', subscriptionId: PRODUCTION_SUBSCRIPTION_ID },
  { group: PROD_GROUP, name: 'cn-prod-we-frankfurt-cert', subscriptionId: PRODUCTION_SUBSCRIPTION_ID },
];

/** A batch of faults, added again every few hundred requests so they spread over the run. */
const FAULTS: FaultSpec[] = [
  { pathPattern: '/connections', status: 500, count: 4, errorCode: FAULT_CODE },
  { pathPattern: 'sharedkey', status: 503, count: 4, retryAfter: 1, errorCode: FAULT_CODE },
  { pathPattern: '.', status: 429, count: 3, retryAfter: 1, errorCode: FAULT_CODE },
  { pathPattern: '.', dropConnection: true, count: 3 },
  { pathPattern: '/operations/', status: 500, count: 3, errorCode: FAULT_CODE },
  { method: 'PUT', pathPattern: 'sharedkey$', lroOutcome: 'Failed', count: 2, errorCode: FAULT_CODE },
  { method: 'POST', pathPattern: 'sharedkey/reset$', lroOutcome: 'Failed', count: 1, errorCode: FAULT_CODE },
];

/** A write that Azure reported Succeeded: what the connection must hold unless a later one followed. */
interface Applied {
  endTime: number;
  value?: string;
  keyLength?: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)];

/** The 50 clients: what they sent, what came back, and which writes Azure reported Succeeded. */
class LoadRun {
  readonly applied = new Map<string, Applied[]>(KEYED.map((t) => [t.name, []]));
  readonly statuses = new Map<string, number>();
  readonly unexpected: string[] = [];
  sent = 0;
  private started = 0;

  constructor(private readonly emulator: TestEmulator) {}

  async run(): Promise<void> {
    await Promise.all(Array.from({ length: CLIENTS }, (_, n) => this.client(n)));
  }

  private count(what: string): void {
    this.statuses.set(what, (this.statuses.get(what) ?? 0) + 1);
  }

  private async client(n: number): Promise<void> {
    for (let i = 0; this.started < REQUESTS; i++) {
      this.started += 1;
      if (this.started % 250 === 1) for (const f of FAULTS) await this.emulator.control.addFault(f);
      if (Math.random() < 0.35) await this.write(pick(KEYED), n, i);
      else await this.read();
    }
  }

  /** One HTTP request; a dropped connection or an injected fault comes back as undefined. */
  private async send(method: string, path: string, body?: unknown): Promise<ArmResponse | undefined> {
    this.sent += 1;
    let res: ArmResponse;
    try {
      res = await this.emulator.request(method, path, { body });
    } catch {
      this.count('dropped');
      return undefined;
    }
    this.count(String(res.status));
    if (res.status >= 400 && res.body?.error?.code === FAULT_CODE) {
      if (res.status === 429 || res.status === 503) await pause(Math.min(Number(res.headers['retry-after']) * 1000, 20));
      return undefined;
    }
    if (res.status >= 500) this.unexpected.push(`${method} ${path} → ${res.status} ${res.text}`);
    return res;
  }

  /** Polls the operation, through injected faults, to its end; returns its final status body. */
  private async finish(asyncOperation: string): Promise<{ status: string; endTime?: string }> {
    for (let attempt = 0; attempt < 500; attempt++) {
      const poll = await this.send('GET', asyncOperation);
      if (poll?.status === 200 && poll.body.status !== 'InProgress') return poll.body;
      await pause(15);
    }
    throw new Error(`the operation never ended: ${asyncOperation}`);
  }

  private async write(t: Target, client: number, i: number): Promise<void> {
    const reset = Math.random() < 0.4;
    const value = `load-${client}-${i}-${Math.random().toString(36).slice(2, 8)}`;
    const keyLength = 8 + ((client + i) % 100);
    const res = reset
      ? await this.send('POST', connectionPath(t.name, '/sharedkey/reset', t.group, t.subscriptionId), { keyLength })
      : await this.send('PUT', connectionPath(t.name, '/sharedkey', t.group, t.subscriptionId), { value });
    if (!res || res.status === 409) return;
    if (res.status !== 201 && res.status !== 202) {
      this.unexpected.push(`write → ${res.status} ${res.body?.error?.code}`);
      return;
    }
    const end = await this.finish(String(res.headers['azure-asyncoperation']));
    if (end.status === 'Succeeded') this.applied.get(t.name)!.push({ endTime: Date.parse(end.endTime!), ...(reset ? { keyLength } : { value }) });
  }

  private async read(): Promise<void> {
    const t = pick([...KEYED, ...KEYLESS]);
    const choice = Math.random();
    if (choice < 0.4) await this.send('GET', connectionPath(t.name, '', t.group, t.subscriptionId));
    else if (choice < 0.7) await this.send('GET', connectionPath(t.name, '/sharedkey', t.group, t.subscriptionId));
    else if (choice < 0.85) await this.send('GET', groupPath(t.group, '/providers/Microsoft.Network/connections', t.subscriptionId));
    else await this.send('GET', `/subscriptions/${t.subscriptionId}/resources?$filter=${encodeURIComponent("resourceType eq 'Microsoft.Network/virtualNetworkGateways'")}`);
  }
}

describe('emulator: load', function () {
  this.timeout(90_000);
  const emulator = TestEmulator.inSuite({ lroMs: 40, updatingMs: 30 });

  it(`survives ${REQUESTS} mixed requests from ${CLIENTS} clients with faults on, and loses no update`, async () => {
    const initialKeys = new Map<string, string | undefined>();
    for (const t of KEYED) initialKeys.set(t.name, (await emulator.control.connection(t.subscriptionId, t.group, t.name)).properties.sharedKey as string);

    const load = new LoadRun(emulator);
    await load.run();
    await emulator.control.clearFaults();
    for (const t of KEYED) await emulator.waitUntilSucceeded(t.name, t.group, t.subscriptionId);

    assert.deepStrictEqual(load.unexpected, [], 'no answer outside the expected and the injected ones');
    assert.strictEqual((await emulator.request('GET', '/subscriptions', { apiVersion: '2022-12-01' })).status, 200, 'still answering');
    assert.ok(load.sent >= REQUESTS, `${load.sent} requests sent`);
    const seen = (what: string) => (load.statuses.get(what) ?? 0) > 0;
    assert.ok(seen('dropped') && seen('429') && seen('503') && seen('409'), `faults and conflicts happened: ${JSON.stringify([...load.statuses])}`);

    let writes = 0;
    for (const t of KEYED) {
      const res = await emulator.request('GET', connectionPath(t.name, '/sharedkey', t.group, t.subscriptionId));
      const held = res.body.value as string;
      const history = load.applied.get(t.name)!.sort((a, b) => a.endTime - b.endTime);
      writes += history.length;
      const last = history[history.length - 1];
      if (!last) assert.ok(held === initialKeys.get(t.name), `${t.name}: no write succeeded, the initial key stays`);
      else if (last.value !== undefined) assert.ok(held === last.value, `${t.name}: holds the value of its last successful set`);
      else assert.strictEqual(held.length, last.keyLength, `${t.name}: holds a key of its last successful reset's length`);
    }
    assert.ok(writes > KEYED.length, `${writes} writes succeeded`);
  });
});
