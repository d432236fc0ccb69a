// Subscriptions and tenants against the official subscriptions.json (2022-12-01): its examples
// replayed at the api-version written in them, and every published version's answers validate
// (an older version only leaves fields out).
import * as assert from 'assert';
import Ajv2019 from 'ajv/dist/2019';
import * as fs from 'fs';
import * as path from 'path';
import { API_VERSIONS } from '../../emulator/apiVersions';
import { repoRoot } from '../../emulator/certificate';
import { PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/defaultData';
import { TestEmulator } from './armClient';
import { closeDefinitions, type Definitions } from './swagger';

const DIR = path.join(repoRoot(), 'test', 'emulator', 'specs', 'resources', 'resource-manager', 'Microsoft.Resources', 'stable', '2022-12-01');
const BASE = 'https://specs.invalid/resources/resource-manager/Microsoft.Resources/stable/2022-12-01/subscriptions.json';

interface Spec {
  definitions: Definitions & Record<string, { required?: string[] }>;
  paths: Record<string, Record<string, { responses: Record<string, { schema?: { $ref: string } }>; 'x-ms-examples'?: Record<string, { $ref: string }> }>>;
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8'));

function validator(): (ref: string, data: unknown) => string[] {
  const spec = readJson<Spec>('subscriptions.json');
  // Known gap: the list results call nextLink required; ARM, like the emulator, leaves it out of a last page.
  for (const name of ['SubscriptionListResult', 'TenantListResult']) delete spec.definitions[name].required;
  closeDefinitions([spec], {});
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  ajv.addSchema({ $id: BASE, definitions: spec.definitions });
  for (const v of ['v1', 'v2']) ajv.addSchema({ $id: new URL(`../../../../../common-types/resource-management/${v}/types.json`, BASE).toString(), definitions: { ErrorResponse: { type: 'object' } } });
  return (ref, data) => {
    const validate = ajv.compile({ $ref: new URL(ref, BASE).toString() });
    return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
  };
}

/** The GET operation an example documents: its path and its 200 schema. */
function operationOf(spec: Spec, exampleFile: string): { path: string; schema: string; documented: string[] } {
  for (const [template, operations] of Object.entries(spec.paths)) {
    const get = operations.get;
    if (get && Object.values(get['x-ms-examples'] ?? {}).some((e) => path.basename(e.$ref) === exampleFile)) {
      return { path: template, schema: get.responses['200'].schema!.$ref, documented: Object.keys(get.responses) };
    }
  }
  throw new Error(`No GET documents ${exampleFile}`);
}

describe('emulator: conformance with subscriptions.json', function () {
  this.timeout(30_000);
  const emulator = TestEmulator.inSuite();
  const spec = readJson<Spec>('subscriptions.json');
  const errors = validator();

  for (const exampleFile of ['GetSubscriptions.json', 'GetTenants.json']) {
    it(`${exampleFile}: replayed at its api-version, a documented status and a body that validates`, async () => {
      const example = JSON.parse(fs.readFileSync(path.join(DIR, 'examples', exampleFile), 'utf8'));
      const { path: requestPath, schema, documented } = operationOf(spec, exampleFile);
      const res = await emulator.request('GET', requestPath, { apiVersion: example.parameters['api-version'] });
      assert.ok(documented.includes(String(res.status)), `${requestPath} → ${res.status}`);
      assert.deepStrictEqual(errors(schema, res.body), []);
    });
  }

  it('answers every published subscriptions version in a shape the spec allows', async () => {
    const problems: string[] = [];
    const routes: Array<[string, string]> = [['/subscriptions', '#/definitions/SubscriptionListResult'], ['/tenants', '#/definitions/TenantListResult'], [`/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}`, '#/definitions/Subscription']];
    for (const apiVersion of API_VERSIONS.subscriptions) {
      for (const [route, schema] of routes) {
        for (const e of errors(schema, (await emulator.request('GET', route, { apiVersion })).body)) problems.push(`${route} at ${apiVersion}: ${e}`);
      }
    }
    assert.deepStrictEqual(problems, []);
  });
});
