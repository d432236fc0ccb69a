// The generic resources list and the resource-group list filter, trim and expand as
// resources.json documents ($filter, $top, $expand); anything else is ARM's 400.
import * as assert from 'assert';
import { PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/defaultData';
import type { ResourceGroupState, StateFile } from '../../emulator/types';
import { connectionPath, PROD_GROUP, TestEmulator, type ArmResponse } from './armClient';

const RESOURCES_API = '2025-04-01';
const SUB = `/subscriptions/${PRODUCTION_SUBSCRIPTION_ID}`;
const LISTS = ['virtualNetworkGateways', 'localNetworkGateways', 'connections'] as const;

interface Listed {
  name: string;
  type: string;
  group: string;
  location: string;
  tags?: Record<string, string>;
}

/** Every network resource of the production subscription, as the state holds them. */
function everything(state: StateFile): Listed[] {
  const groups: ResourceGroupState[] = state.subscriptions.find((s) => s.subscriptionId === PRODUCTION_SUBSCRIPTION_ID)!.resourceGroups;
  return groups.flatMap((g) => LISTS.flatMap((list) => (g[list] ?? []).map((r) => ({ name: r.name, type: `Microsoft.Network/${list}`, group: g.name, location: r.location, tags: r.tags }))));
}

const names = (res: ArmResponse): string[] => res.body.value.map((r: { name: string }) => r.name);

describe('emulator: resource list filters', function () {
  this.timeout(20_000);
  const emulator = TestEmulator.inSuite();
  let all: Listed[];
  before(async () => {
    all = everything(await emulator.control.state());
  });
  const list = (query: Record<string, string>, scope = SUB) => emulator.request('GET', `${scope}/resources?${new URLSearchParams(query)}`, { apiVersion: RESOURCES_API });
  const filtered = async (filter: string) => names(await list({ $filter: filter }));

  it('filters by resourceGroup, resourceType, name and location with eq, ne, and, or', async () => {
    const select = (keep: (r: Listed) => boolean) => all.filter(keep).map((r) => r.name);
    assert.deepStrictEqual(await filtered("resourceGroup eq 'RG-ZÜRICH-VPN'"), select((r) => r.group === 'rg-Zürich-vpn'));
    assert.deepStrictEqual(
      await filtered("resourceType eq 'Microsoft.Network/connections' and resourceGroup eq 'rg-Zürich-vpn'"),
      select((r) => r.type === 'Microsoft.Network/connections' && r.group === 'rg-Zürich-vpn'),
    );
    assert.deepStrictEqual(await filtered("name eq 'lgw-paris-office' and resourceType eq 'microsoft.network/localnetworkgateways'"), ['lgw-paris-office']);
    assert.deepStrictEqual(await filtered("location ne 'westeurope'"), select((r) => r.location !== 'westeurope'));
    assert.deepStrictEqual(await filtered("name eq 'vgw-zrh-01' or (name eq 'cn-zrh-geneva' and location eq 'switzerlandnorth')"), ['vgw-zrh-01', 'cn-zrh-geneva']);
  });

  it('finds substrings of names and groups, case-insensitively', async () => {
    assert.deepStrictEqual(await filtered("substringof('PARIS', name)"), all.filter((r) => r.name.includes('paris')).map((r) => r.name));
    assert.deepStrictEqual(
      await filtered("substringof('shared', resourceGroup) and resourceType eq 'Microsoft.Network/localNetworkGateways'"),
      all.filter((r) => r.group.includes('shared')).map((r) => r.name),
    );
  });

  it('filters by tag name and value, leaving the tags out as ARM does', async () => {
    const byName = await list({ $filter: "tagName eq 'SITE'" });
    assert.deepStrictEqual(names(byName), all.filter((r) => r.tags?.site).map((r) => r.name));
    assert.ok(byName.body.value.length > 0 && byName.body.value.every((r: object) => !('tags' in r)));
    assert.deepStrictEqual(await filtered("tagName eq 'site' and tagValue eq 'Paris'"), ['cn-prod-we-paris']);
    assert.deepStrictEqual(await filtered("tagName eq 'site' and tagValue eq 'paris'"), [], 'tag values compare exactly');
    assert.deepStrictEqual(await filtered("startswith(tagName, 'si')"), ['cn-prod-we-paris']);
    const untouched = await list({ $filter: "name eq 'cn-prod-we-paris'" });
    assert.deepStrictEqual(untouched.body.value[0].tags, { site: 'Paris' }, 'other filters keep the tags');
  });

  it('filters resource groups by tag', async () => {
    const groups = async (filter: string) => names(await emulator.request('GET', `${SUB}/resourcegroups?${new URLSearchParams({ $filter: filter })}`, { apiVersion: RESOURCES_API }));
    assert.deepStrictEqual(await groups("tagName eq 'environment'"), [PROD_GROUP]);
    assert.deepStrictEqual(await groups("tagName eq 'environment' and tagValue eq 'production'"), [PROD_GROUP]);
    assert.deepStrictEqual(await groups("tagName eq 'environment' and tagValue eq 'staging'"), []);
  });

  it('keeps $top and expands createdTime, changedTime and provisioningState', async () => {
    assert.deepStrictEqual(names(await list({ $filter: "resourceType eq 'Microsoft.Network/connections'", $top: '2' })), all.filter((r) => r.type.endsWith('/connections')).slice(0, 2).map((r) => r.name));
    const started = Date.now();
    const set = await emulator.request('PUT', connectionPath('cn-prod-we-paris', '/sharedkey'), { body: { value: 'Filter-Test-Key-1' } });
    const during = (await list({ $filter: "name eq 'cn-prod-we-paris'", $expand: 'provisioningState' })).body.value[0];
    assert.strictEqual(during.provisioningState, 'Updating');
    await emulator.waitForOperation(String(set.headers['azure-asyncoperation']));
    const [paris] = (await list({ $filter: "name eq 'cn-prod-we-paris'", $expand: 'createdTime,changedTime' })).body.value;
    assert.ok(Date.parse(paris.createdTime) <= started && Date.parse(paris.changedTime) >= started, `${paris.createdTime} ≤ ${new Date(started).toISOString()} ≤ ${paris.changedTime}`);
    assert.ok(!('provisioningState' in paris), 'only what $expand asks for');
    assert.ok(!('createdTime' in (await list({ $filter: "name eq 'cn-prod-we-paris'" })).body.value[0]), 'nothing without $expand');
  });

  it('answers a filter it does not document with 400 InvalidFilterInQueryString', async () => {
    for (const filter of ["plan eq 'x'", "tagValue eq 'x'", "name eq 'unclosed", "substringof('x', location)", "name gt 'a'", "name eq 'a' and", "name eq 'a')"]) {
      const res = await list({ $filter: filter });
      assert.deepStrictEqual([res.status, res.body.error], [400, { code: 'InvalidFilterInQueryString', message: `Invalid $filter '${filter}' specified in the query string.` }], filter);
    }
    const groups = await emulator.request('GET', `${SUB}/resourcegroups?${new URLSearchParams({ $filter: "name eq 'x'" })}`, { apiVersion: RESOURCES_API });
    assert.deepStrictEqual([groups.status, groups.body.error.code], [400, 'InvalidFilterInQueryString']);
  });
});
