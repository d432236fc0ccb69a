// The 11 official Resource Graph examples (resourcegraph.json 2024-04-01) replayed: each request
// goes in as written (the next-page one with the token the first page returned, as a client does),
// the answer must validate against the swagger's QueryResponse (ajv) and carry the example's
// fields; the rows, which cannot be the example's (they describe VMs and disks the emulator does
// not hold), must be those of the replay world: same columns, ids it holds, paging as documented.
import * as assert from 'assert';
import Ajv2019 from 'ajv/dist/2019';
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { armId, ipsecConnection, localNetworkGateway, vpnGateway } from '../../emulator/builders';
import { repoRoot } from '../../emulator/certificate';
import type { ResourceGroupState, StateFile } from '../../emulator/types';
import { TestEmulator } from './armClient';
import { graphQuery, stateIds } from './graphClient';

const GRAPH_SPECS = path.join(repoRoot(), 'test', 'emulator', 'specs', 'resourcegraph', 'resource-manager', 'Microsoft.ResourceGraph');
const STABLE = ['stable', path.join('ResourceGraph', 'stable')].map((dir) => path.join(GRAPH_SPECS, dir, '2024-04-01'));

interface Example {
  parameters: { 'api-version': string; query: { query: string; options?: Record<string, unknown> } & Record<string, unknown> };
  responses: { '200': { body: { data: Array<Record<string, unknown>>; facets?: Array<Record<string, unknown>> } & Record<string, unknown> } };
}

function examples(): Array<[string, Example]> {
  return STABLE.flatMap((dir) => fs.readdirSync(path.join(dir, 'examples')).map((f): [string, Example] => [f, JSON.parse(fs.readFileSync(path.join(dir, 'examples', f), 'utf8'))]));
}

/** QueryResponse, its facets and ErrorResponse as JSON Schema. The swagger's "object" means any JSON value in three
 * places (README: known gaps): `data` (an array in objectArray format) and the extra fields of an error detail (line numbers). */
function validators() {
  const spec = JSON.parse(fs.readFileSync(path.join(STABLE[0], 'resourcegraph.json'), 'utf8'));
  const definitions = spec.definitions;
  definitions.QueryResponse.properties.data = {};
  definitions.FacetResult.properties.data = {};
  definitions.QueryResponse.properties.facets.items = {};
  definitions.ErrorDetails.additionalProperties = {};
  for (const name of ['QueryResponse', 'FacetResult', 'FacetError', 'ErrorResponse', 'Error']) definitions[name].unevaluatedProperties = false;
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  ajv.addFormat('int32', true).addFormat('int64', true);
  ajv.addSchema({ $id: 'https://specs.invalid/resourcegraph.json', definitions });
  const compile = (name: string) => ajv.compile({ $ref: `https://specs.invalid/resourcegraph.json#/definitions/${name}` });
  const check = (name: string) => {
    const validate = compile(name);
    return (data: unknown): string[] => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${name}${e.instancePath} ${e.message}`));
  };
  const response = check('QueryResponse');
  const facet: Record<string, (data: unknown) => string[]> = { FacetResult: check('FacetResult'), FacetError: check('FacetError') };
  return {
    response: (body: { facets?: Array<{ resultType: string }> }): string[] => [
      ...response(body),
      ...(body.facets ?? []).flatMap((f) => facet[f.resultType]?.(f) ?? [`unknown resultType ${f.resultType}`]),
    ],
    error: check('ErrorResponse'),
  };
}

const TENANT = 'e927f598-c1d4-4f72-8541-95d83a6a4ac8'; // the management group the examples name: here, the tenant root group
const SUBSCRIPTION = 'cfbbd179-59d2-4052-aa06-9270a38aa9d6';

/** The examples' subscription with twenty network resources whose names contain "test", in mixed-case groups. */
function replayWorld(): StateFile {
  const groups: ResourceGroupState[] = ['RG1-test', 'rg2-Test'].map((name, g) => {
    const location = ['centralus', 'westus'][g];
    const at = (resource: string) => ({ subscriptionId: SUBSCRIPTION, group: name, name: resource, location });
    const group: ResourceGroupState = { name, location, virtualNetworkGateways: [], localNetworkGateways: [], connections: [] };
    for (let w = 1; w <= 2; w++) {
      group.virtualNetworkGateways.push(vpnGateway({ ...at(`vgw-test-${g}-${w}`), sku: 'VpnGw1', network: g * 2 + w }));
      for (let c = 1; c <= 2; c++) {
        group.localNetworkGateways.push(localNetworkGateway({ ...at(`lgw-test-${g}-${w}-${c}`), gatewayIpAddress: `203.0.113.${g * 4 + w * 2 + c}`, addressPrefixes: [`10.${g}.${w}${c}.0/24`] }));
        group.connections.push(ipsecConnection({
          ...at(`cn-test-${g}-${w}-${c}`),
          gatewayId: armId(SUBSCRIPTION, name, 'virtualNetworkGateways', `vgw-test-${g}-${w}`),
          localGatewayId: armId(SUBSCRIPTION, name, 'localNetworkGateways', `lgw-test-${g}-${w}-${c}`),
          sharedKey: `Replay-${g}${w}${c}-key`,
          traffic: { status: 'Connected', ingressBytes: 1, egressBytes: 1 },
          ...(c === 1 ? { tags: { tag1: 'Value1' } } : {}),
        }));
      }
    }
    return group;
  });
  return {
    tenants: [{ tenantId: TENANT, displayName: 'Resource Graph examples', defaultDomain: 'examples.onmicrosoft.com' }],
    subscriptions: [{ subscriptionId: SUBSCRIPTION, displayName: 'Examples', tenantId: TENANT, resourceGroups: groups }],
  };
}

describe('emulator: the official Resource Graph examples replay', function () {
  this.timeout(30_000);
  const world = replayWorld();
  const held = new Set(stateIds(world, ['virtualNetworkGateways', 'localNetworkGateways', 'connections']));
  const stateFile = path.join(os.tmpdir(), `emulator-graph-examples-${randomUUID()}.json`);
  before(() => fs.writeFileSync(stateFile, JSON.stringify(world)));
  after(() => fs.rmSync(stateFile, { force: true }));
  const emulator = TestEmulator.inSuite({ stateFile, graphQuota: { queriesPerWindow: 1000, windowMs: 1000 } });
  const all = examples();
  const validate = validators();

  it('covers the 11 examples of the Resources operation', () => {
    assert.strictEqual(all.length, 11);
  });

  for (const [file, example] of all) {
    it(`${file}: 200, a body that validates, the example's fields, rows of the replay world`, async () => {
      const request = structuredClone(example.parameters.query);
      if (file === 'ResourcesNextPageQuery.json') {
        const [, first] = all.find(([f]) => f === 'ResourcesFirstPageQuery.json')!;
        request.options = { $skipToken: (await graphQuery(emulator, first.parameters.query)).body.$skipToken };
      }
      const res = await graphQuery(emulator, request, { apiVersion: example.parameters['api-version'] });
      assert.strictEqual(res.status, 200, res.text);
      assert.deepStrictEqual(validate.response(res.body), []);
      const expected = example.responses['200'].body;
      assert.deepStrictEqual(Object.keys(res.body).sort(), Object.keys(expected).sort(), 'the same fields ($skipToken where the example has one)');
      const rows = res.body.data as Array<Record<string, unknown>>;
      assert.strictEqual(res.body.count, rows.length);
      if (/virtualMachines/i.test(request.query)) assert.strictEqual(res.body.totalRecords, 0, 'the replay world holds no virtual machine');
      else assert.deepStrictEqual(Object.keys(rows[0]), Object.keys(expected.data[0]), 'the columns the example shows');
      for (const row of rows.filter((r) => 'id' in r)) {
        assert.ok(held.has(String(row.id)), `${row.id} is held`);
        if ('type' in row) assert.strictEqual(row.type, `microsoft.network/${String(row.id).split('/')[7].toLowerCase()}`);
      }
      const facets = (res.body.facets as Array<{ expression: string; resultType: string; errors?: Array<{ code: string }> }>).map((f) => [f.expression, f.resultType, f.errors?.map((e) => e.code)]);
      assert.deepStrictEqual(facets, (expected.facets ?? []).map((f) => [f.expression, f.resultType, (f.errors as Array<{ code: string }> | undefined)?.map((e) => e.code)]));
    });
  }

  it('pages as the paging examples document: $top rows from $skip, the next page continues the first', async () => {
    const query = "Resources | where name contains 'test' | project id, name, type, location";
    const everything = (await graphQuery(emulator, { query, subscriptions: [SUBSCRIPTION] })).body.data.map((r: { id: string }) => r.id);
    assert.strictEqual(everything.length, held.size);
    const first = await graphQuery(emulator, { query, subscriptions: [SUBSCRIPTION], options: { $top: 3, $skip: 0 } });
    const next = await graphQuery(emulator, { query, subscriptions: [SUBSCRIPTION], options: { $skipToken: first.body.$skipToken } });
    const random = await graphQuery(emulator, { query, subscriptions: [SUBSCRIPTION], options: { $top: 2, $skip: 10 } });
    const idsOf = (res: { body: { data: Array<{ id: string }> } }) => res.body.data.map((r) => r.id);
    assert.deepStrictEqual([idsOf(first), idsOf(next), idsOf(random)], [everything.slice(0, 3), everything.slice(3, 6), everything.slice(10, 12)]);
  });

  it('answers errors in the ErrorResponse shape of the swagger', async () => {
    const invalid = await graphQuery(emulator, { query: 'Resources | parse id with x' });
    const noScope = await graphQuery(emulator, { query: 'Resources', subscriptions: ['9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d'] });
    await emulator.control.setConfig({ graphQuota: { queriesPerWindow: 1, windowMs: 60_000 } });
    await graphQuery(emulator, { query: 'Resources | count' });
    const throttled = await graphQuery(emulator, { query: 'Resources | count' });
    assert.deepStrictEqual([invalid, noScope, throttled].map((r) => r.status), [400, 400, 429]);
    for (const res of [invalid, noScope, throttled]) assert.deepStrictEqual(validate.error(res.body), []);
  });

  it('summarizes by location over the replay world', async () => {
    const res = await graphQuery(emulator, { query: 'Resources | project id, name, type, location | summarize by location' });
    assert.deepStrictEqual(res.body.data.map((r: { location: string }) => r.location).sort(), [...new Set(world.subscriptions[0].resourceGroups.map((g) => g.location))].sort());
  });
});
