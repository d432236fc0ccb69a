// Resource Graph through the route, raw HTTPS and the official SDK (@azure/arm-resourcegraph):
// api-versions, paging with $skipToken, limit and missing ids switching paging off, subscription
// scopes, the quota and 429, the lag, case rules and the error shapes.
import * as assert from 'assert';
import { API_VERSIONS } from '../../emulator/apiVersions';
import type { QueryResponse } from '@azure/arm-resourcegraph';
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fleetState } from '../../emulator/fleet';
import { connectionPath, PROD_GROUP, TestEmulator } from './armClient';
import { GRAPH_PATH, graphQuery, graphSdk, INVENTORY, stateIds } from './graphClient';
import { PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/defaultData';

const GENEROUS = { graphQuota: { queriesPerWindow: 10_000, windowMs: 1000 } };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id).sort();

describe('emulator: Resource Graph route', function () {
  this.timeout(30_000);
  const emulator = TestEmulator.inSuite(GENEROUS);

  it('the SDK runs the inventory query: every gateway and connection, properties without a shared key', async () => {
    const state = await emulator.control.state();
    const result: QueryResponse = await graphSdk(emulator.info).resources({ query: INVENTORY });
    const rows = result.data as Array<{ id: string; type: string; properties: Record<string, unknown> }>;
    assert.deepStrictEqual(ids(rows), stateIds(state, ['virtualNetworkGateways', 'connections']).sort());
    assert.strictEqual(result.totalRecords, rows.length);
    assert.ok(rows.every((r) => r.properties.provisioningState === 'Succeeded' && !('sharedKey' in r.properties)));
    const text = JSON.stringify(rows);
    const keys = state.subscriptions.flatMap((s) => s.resourceGroups.flatMap((g) => g.connections.map((c) => c.properties.sharedKey))).filter((k): k is string => typeof k === 'string');
    assert.ok(keys.length > 0 && keys.every((key) => !text.includes(key)), 'no shared key in any row');
  });

  it('answers every api-version the specs publish and refuses others, naming the supported ones', async () => {
    for (const apiVersion of API_VERSIONS.resourceGraph) assert.strictEqual((await graphQuery(emulator, { query: 'resources | count' }, { apiVersion })).status, 200, apiVersion);
    const unknown = await graphQuery(emulator, { query: 'resources | count' }, { apiVersion: '2018-01-01' });
    assert.strictEqual(unknown.status, 400);
    assert.strictEqual(unknown.body.error.code, 'InvalidApiVersionParameter');
    for (const apiVersion of ['2021-03-01', '2022-10-01', '2024-04-01']) assert.ok(unknown.body.error.message.includes(apiVersion), unknown.body.error.message);
  });

  it('pages with $skipToken until every row is read, $skip jumps, and a token only continues its own query', async () => {
    const everything = await graphQuery(emulator, { query: INVENTORY });
    const pages: string[][] = [];
    let skipToken: string | undefined;
    do {
      const res = await graphQuery(emulator, { query: INVENTORY, options: { $top: 4, ...(skipToken ? { $skipToken: skipToken } : {}) } });
      assert.strictEqual(res.body.totalRecords, everything.body.totalRecords);
      assert.strictEqual(res.body.count, res.body.data.length);
      pages.push(res.body.data.map((r: { id: string }) => r.id));
      skipToken = res.body.$skipToken;
    } while (skipToken);
    assert.deepStrictEqual(pages.flat(), everything.body.data.map((r: { id: string }) => r.id));
    assert.ok(pages.length > 2 && pages.slice(0, -1).every((p) => p.length === 4));
    const jumped = await graphQuery(emulator, { query: INVENTORY, options: { $skip: 10, $top: 2 } });
    assert.deepStrictEqual(jumped.body.data, everything.body.data.slice(10, 12));
    const first = await graphQuery(emulator, { query: INVENTORY, options: { $top: 2 } });
    const other = await graphQuery(emulator, { query: 'resources | project id', options: { $skipToken: first.body.$skipToken } });
    assert.deepStrictEqual([other.status, other.body.error.details[0].code], [400, 'InvalidSkipToken']);
  });

  it('limit or take, and results without an id, switch the $skipToken off: resultTruncated says rows were left out', async () => {
    const limited = await graphQuery(emulator, { query: `${INVENTORY} | limit 5`, options: { $top: 2 } });
    assert.deepStrictEqual([limited.body.count, limited.body.totalRecords, limited.body.resultTruncated, limited.body.$skipToken], [2, 5, 'true', undefined]);
    const noId = await graphQuery(emulator, { query: 'resources | project name', options: { $top: 3 } });
    assert.deepStrictEqual([noId.body.count, noId.body.resultTruncated, noId.body.$skipToken], [3, 'true', undefined]);
    const whole = await graphQuery(emulator, { query: `${INVENTORY} | take 3` });
    assert.deepStrictEqual([whole.body.count, whole.body.resultTruncated], [3, 'false']);
  });

  it('subscription batches and the tenant root management group add up to the tenant-wide answer', async () => {
    const state = await emulator.control.state();
    const batches = await Promise.all(state.subscriptions.map((s) => graphQuery(emulator, { query: INVENTORY, subscriptions: [s.subscriptionId] })));
    batches.forEach((res, i) => assert.deepStrictEqual(ids(res.body.data), stateIds(state, ['virtualNetworkGateways', 'connections'], [state.subscriptions[i].subscriptionId]).sort()));
    const root = await graphQuery(emulator, { query: INVENTORY, managementGroups: [emulator.info.tenantId] });
    assert.deepStrictEqual(ids(root.body.data), ids(batches.flatMap((b) => b.body.data)));
    const unknown = await graphQuery(emulator, { query: INVENTORY, managementGroups: ['ProductionMG'] });
    assert.deepStrictEqual([unknown.status, unknown.body.error.details[0].code], [400, 'NoValidSubscriptionsInQueryRequest']);
  });

  it('=~ ignores case, == does not; Graph lower-cases type and resourceGroup, keeps the id as ARM has it', async () => {
    const count = async (where: string) => (await graphQuery(emulator, { query: `resources | where ${where} | count` })).body.data[0].Count;
    const state = await emulator.control.state();
    const connections = stateIds(state, ['connections']).length;
    const zurich = state.subscriptions.flatMap((sub) => sub.resourceGroups).find((group) => group.name === 'rg-Zürich-vpn')!;
    const inZurich = zurich.virtualNetworkGateways.length + zurich.localNetworkGateways.length + zurich.connections.length;
    assert.strictEqual(await count("type =~ 'MICROSOFT.NETWORK/CONNECTIONS'"), connections);
    assert.strictEqual(await count("type == 'Microsoft.Network/connections'"), 0);
    assert.strictEqual(await count("resourceGroup == 'rg-zürich-vpn'"), inZurich);
    assert.strictEqual(await count("resourceGroup == 'rg-Zürich-vpn'"), 0);
    assert.strictEqual(await count("id contains '/resourceGroups/rg-Zürich-vpn/'"), inZurich);
  });

  it('an unsupported query answers 400 with InvalidQuery and the finding, through raw HTTPS and the SDK', async () => {
    const res = await graphQuery(emulator, { query: 'resources\n| parse id with * "/" rest' });
    assert.strictEqual(res.status, 400);
    assert.strictEqual(res.body.error.code, 'BadRequest');
    assert.match(res.body.error.message, /^Please provide below info when asking for support: timestamp = .+, correlationId = [0-9a-f-]{36}\.$/);
    assert.deepStrictEqual(res.body.error.details.map((d: { code: string }) => d.code), ['InvalidQuery', 'ParserFailure']);
    assert.deepStrictEqual(res.body.error.details[1], { code: 'ParserFailure', message: 'ParserFailure', line: 2, characterPositionInLine: 2, token: 'parse' });
    await assert.rejects(graphSdk(emulator.info).resources({ query: 'resources | where cout(name)' }), (e: { statusCode?: number; code?: string }) => e.statusCode === 400 && e.code === 'BadRequest');
  });

  it('checks the body as ARM does', async () => {
    const noQuery = await graphQuery(emulator, { subscriptions: [] });
    assert.deepStrictEqual([noQuery.status, noQuery.body.error.code], [400, 'InvalidRequestContent']);
    const badTop = await graphQuery(emulator, { query: 'resources', options: { $top: 0 } });
    assert.deepStrictEqual([badTop.status, badTop.body.error.code], [400, 'InvalidRequestContent']);
    const badFormat = await graphQuery(emulator, { query: 'resources', options: { resultFormat: 'csv' } });
    assert.deepStrictEqual([badFormat.status, badFormat.body.error.code], [400, 'InvalidRequestContent']);
  });

  it('answers in table format with typed columns, the same rows as objectArray', async () => {
    const query = "resources | where type =~ 'microsoft.network/connections' | project id, name, properties.ingressBytesTransferred, tags";
    const objects = await graphQuery(emulator, { query });
    const table = await graphQuery(emulator, { query, options: { resultFormat: 'table' } });
    assert.deepStrictEqual(table.body.data.columns, [
      { name: 'id', type: 'string' }, { name: 'name', type: 'string' }, { name: 'properties_ingressBytesTransferred', type: 'integer' }, { name: 'tags', type: 'object' },
    ]);
    assert.deepStrictEqual(table.body.data.rows, objects.body.data.map((r: Record<string, unknown>) => Object.values(r)));
  });

  it('computes facets, and a FacetError for a column the result lacks', async () => {
    const res = await graphQuery(emulator, { query: INVENTORY, facets: [{ expression: 'type', options: { sortOrder: 'asc' } }, { expression: 'nonExistingColumn' }] });
    const state = await emulator.control.state();
    assert.deepStrictEqual(res.body.facets[0].data, [
      { type: 'microsoft.network/virtualnetworkgateways', count: stateIds(state, ['virtualNetworkGateways']).length },
      { type: 'microsoft.network/connections', count: stateIds(state, ['connections']).length },
    ].sort((a, b) => a.count - b.count));
    assert.deepStrictEqual(res.body.facets[1].errors.map((e: { code: string }) => e.code), ['NoValidColumns', 'InvalidColumnNames']);
  });

  it('tells the quota on every answer, answers 429 RateLimiting when it is spent; ARM throttling does not count Graph queries', async () => {
    await emulator.control.setConfig({ graphQuota: { queriesPerWindow: 2, windowMs: 60_000 }, throttle: { readsPerWindow: 1, writesPerWindow: 1, windowMs: 60_000 } });
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await graphQuery(emulator, { query: 'resources | count' }));
    assert.deepStrictEqual(answers.map((a) => [a.status, a.headers['x-ms-user-quota-remaining']]), [[200, '1'], [200, '0'], [429, '0']]);
    for (const a of answers) assert.match(String(a.headers['x-ms-user-quota-resets-after']), /^00:0[01]:\d\d$/);
    const throttled = answers[2];
    assert.strictEqual(throttled.body.error.code, 'RateLimiting');
    assert.strictEqual(throttled.body.error.details[0].code, 'RateLimiting');
    assert.ok(Number(throttled.headers['retry-after']) >= 1);
    assert.strictEqual((await emulator.request('GET', '/subscriptions', { apiVersion: '2022-12-01' })).status, 200, 'the one ARM read is still there');
  });

  it('with graphLagMs, a new connection shows and a deleted one vanishes only after the lag', async () => {
    const lag = 2000;
    await emulator.control.setConfig({ graphLagMs: lag });
    const seen = async () => (await graphQuery(emulator, { query: "resources | where name == 'cn-graph-lag' | project id, properties.provisioningState" })).body.data;
    const gateway = `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}/resourceGroups/${PROD_GROUP}/providers/Microsoft.Network`;
    const created = Date.now();
    const put = await emulator.request('PUT', connectionPath('cn-graph-lag'), {
      body: { location: 'westeurope', properties: { connectionType: 'IPsec', virtualNetworkGateway1: { id: `${gateway}/virtualNetworkGateways/vgw-prod-we` }, localNetworkGateway2: { id: `${gateway}/localNetworkGateways/lgw-lyon-office` } } },
    });
    assert.strictEqual(put.status, 201);
    assert.deepStrictEqual(await seen(), [], 'not yet in Graph');
    await emulator.waitForOperation(String(put.headers['azure-asyncoperation']));
    await sleep(created + lag + 300 - Date.now());
    assert.deepStrictEqual((await seen()).map((r: Record<string, string>) => r.properties_provisioningState), ['Succeeded']);
    const del = await emulator.request('DELETE', connectionPath('cn-graph-lag'));
    await emulator.waitForOperation(String(del.headers['azure-asyncoperation']));
    const deleted = Date.now();
    assert.strictEqual((await seen()).length, 1, 'still in Graph');
    await sleep(deleted + lag + 300 - Date.now());
    assert.deepStrictEqual(await seen(), []);
  });
});

describe('emulator: Resource Graph answers only for readable subscriptions', function () {
  this.timeout(30_000);
  const other = { tenantId: '0b1c2d3e-4f50-4617-8283-940a1b2c3d4e', displayName: 'Fabrikam (emulated)', defaultDomain: 'fabrikam.onmicrosoft.com' };
  const state = fleetState('3x1x1x1');
  state.tenants.push(other);
  state.subscriptions[2].tenantId = other.tenantId;
  const [mine, alsoMine, theirs] = state.subscriptions.map((s) => s.subscriptionId);
  const stateFile = path.join(os.tmpdir(), `emulator-graph-tenants-${randomUUID()}.json`);
  before(() => fs.writeFileSync(stateFile, JSON.stringify(state)));
  after(() => fs.rmSync(stateFile, { force: true }));
  const emulator = TestEmulator.inSuite({ ...GENEROUS, stateFile });
  const everything = (subscriptions: string[]) => stateIds(state, ['virtualNetworkGateways', 'connections'], subscriptions).sort();

  it('leaves out subscriptions of another tenant and answers 400 when none is left', async () => {
    const res = await graphQuery(emulator, { query: INVENTORY, subscriptions: [mine, theirs] });
    assert.deepStrictEqual(ids(res.body.data), everything([mine]));
    const tenantWide = await graphQuery(emulator, { query: INVENTORY });
    assert.deepStrictEqual(ids(tenantWide.body.data), everything([mine, alsoMine]));
    const none = await graphQuery(emulator, { query: INVENTORY, subscriptions: [theirs] });
    assert.strictEqual(none.status, 400);
    assert.strictEqual(none.body.error.details[0].message, `There must be at least one subscription that is eligible to contain resources. Given: '${theirs}'.`);
  });

  it('a token of the other tenant sees that tenant\'s subscription; the reader reads too', async () => {
    const token = (await emulator.request('POST', '/_emulator/tokens', { body: { tenantId: other.tenantId }, apiVersion: null })).body.access_token;
    assert.deepStrictEqual(ids((await graphQuery(emulator, { query: INVENTORY }, { token })).body.data), everything([theirs]));
    const reader = await graphQuery(emulator, { query: INVENTORY, subscriptions: [alsoMine] }, { token: await emulator.token('reader') });
    assert.deepStrictEqual(ids(reader.body.data), everything([alsoMine]));
  });

  it('the path is matched case-insensitively, as ARM does', async () => {
    const res = await emulator.request('POST', GRAPH_PATH.toLowerCase(), { apiVersion: '2024-04-01', body: { query: 'resourcecontainers | count' } });
    assert.deepStrictEqual(res.body.data, [{ Count: 4 }]);
  });
});

describe('emulator: Resource Graph over a generated fleet (10x30x2x4)', function () {
  this.timeout(60_000);
  const emulator = TestEmulator.inSuite({ ...GENEROUS, fleet: '10x30x2x4' });

  it('the inventory query returns every gateway and connection across pages, quickly', async () => {
    const state = await emulator.control.state();
    const client = graphSdk(emulator.info);
    const rows: Array<{ id: string }> = [];
    const started = Date.now();
    let skipToken: string | undefined;
    let pages = 0;
    do {
      const page: QueryResponse = await client.resources({ query: INVENTORY, options: { skipToken } });
      rows.push(...(page.data as Array<{ id: string }>));
      skipToken = page.skipToken;
      pages++;
    } while (skipToken);
    const expected = stateIds(state, ['virtualNetworkGateways', 'connections']);
    assert.strictEqual(expected.length, 10 * 30 * 2 * (1 + 4));
    assert.deepStrictEqual(ids(rows), expected.sort());
    assert.strictEqual(pages, 3);
    assert.ok(Date.now() - started < 10_000, `three pages took ${Date.now() - started} ms`);
  });

  it('batches of subscriptions add up to the whole fleet', async () => {
    const state = await emulator.control.state();
    const client = graphSdk(emulator.info);
    const subscriptions = state.subscriptions.map((s) => s.subscriptionId);
    const counts: number[] = [];
    for (let i = 0; i < subscriptions.length; i += 4) {
      const batch = await client.resources({ query: "resources | where type =~ 'microsoft.network/connections' | count", subscriptions: subscriptions.slice(i, i + 4) });
      counts.push((batch.data as Array<{ Count: number }>)[0].Count);
    }
    assert.deepStrictEqual(counts, [4, 4, 2].map((n) => n * 30 * 2 * 4));
  });
});
