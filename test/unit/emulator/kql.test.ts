// The Resource Graph query engine on its own: Microsoft's "Starter" and "Advanced Resource Graph
// query samples" (verbatim, and adapted to the network types the emulator holds where the verbatim
// one asks for types it has none of), run over the emulator's default data; expected rows are
// worked out from that data here, not copied from the engine.
import * as assert from 'assert';
import { Backend } from '../../emulator/backend';
import { defaultState, LAB_SUBSCRIPTION_ID, PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/defaultData';
import { runQuery, type QueryResult } from '../../emulator/resourceGraph/kqlOperators';
import { GRAPH_COLUMNS, liveRows, type GraphTable } from '../../emulator/resourceGraph/graphTables';
import { QueryError } from '../../emulator/resourceGraph/kqlSyntax';
import type { ResourceState, StateFile } from '../../emulator/types';

const state: StateFile = defaultState();
const backend = new Backend(state, {
  latencyMs: 0, lroMs: 0, updatingMs: 0, pageSize: 50, tokenTtlSeconds: 60, throttle: null, connectDelayMs: 0, graphLagMs: 0, graphQuota: { queriesPerWindow: 15, windowMs: 5000 },
}, 'https://emulator.invalid', 'https://management.emulator.local/');

function query(text: string): QueryResult {
  const subscriptions = [...backend.world.subscriptions.values()];
  return runQuery(text, (table) => ({ columns: GRAPH_COLUMNS, rows: liveRows(backend, subscriptions, table as GraphTable, Date.now()) }));
}

function failure(text: string): Record<string, unknown> {
  try {
    query(text);
  } catch (error) {
    if (error instanceof QueryError) return error.detail;
    throw error;
  }
  throw new Error(`${text} did not fail`);
}

type Kind = 'virtualNetworkGateways' | 'localNetworkGateways' | 'connections';
const all = (kind: Kind, sub?: string): ResourceState[] =>
  state.subscriptions.filter((s) => !sub || s.subscriptionId === sub).flatMap((s) => s.resourceGroups.flatMap((g) => g[kind]));
const names = (rows: Array<Record<string, unknown>>) => rows.map((r) => r.name);
const resourceCount = (sub?: string) => all('virtualNetworkGateways', sub).length + all('localNetworkGateways', sub).length + all('connections', sub).length;

describe('emulator: Resource Graph queries (Microsoft starter samples)', () => {
  it('Count Azure resources', () => {
    assert.deepStrictEqual(query('Resources\n| summarize count()').rows, [{ count_: resourceCount() }]);
  });

  it('Count Key Vault resources (and, adapted, connections)', () => {
    assert.deepStrictEqual(query("Resources\n| where type =~ 'microsoft.keyvault/vaults'\n| count").rows, [{ Count: 0 }]);
    assert.deepStrictEqual(query("Resources | where type =~ 'microsoft.network/connections' | count").rows, [{ Count: all('connections').length }]);
  });

  it('List resources sorted by name', () => {
    const result = query('Resources\n| project name, type, location\n| order by name asc');
    assert.deepStrictEqual(result.columns, ['name', 'type', 'location']);
    const expected = [...all('virtualNetworkGateways'), ...all('localNetworkGateways'), ...all('connections')].map((r) => r.name).sort();
    assert.deepStrictEqual(names(result.rows), expected);
  });

  it('Show all virtual machines ordered by name in descending order (none; gateways adapted)', () => {
    const vms = query("Resources\n| project name, location, type\n| where type =~ 'Microsoft.Compute/virtualMachines'\n| order by name desc");
    assert.deepStrictEqual([vms.columns, vms.rows], [['name', 'location', 'type'], []]);
    const gateways = query("Resources | project name, location, type | where type =~ 'Microsoft.Network/virtualNetworkGateways' | order by name desc");
    assert.deepStrictEqual(names(gateways.rows), all('virtualNetworkGateways').map((g) => g.name).sort().reverse());
  });

  it('Show first five virtual machines by name and their OS type (gateways and their SKU adapted)', () => {
    const vms = query("Resources\n| where type =~ 'Microsoft.Compute/virtualMachines'\n| project name, properties.storageProfile.osDisk.osType\n| top 5 by name desc");
    assert.deepStrictEqual(vms.columns, ['name', 'properties_storageProfile_osDisk_osType']);
    const top = query("Resources | where type =~ 'Microsoft.Network/virtualNetworkGateways' | project name, properties.sku.name | top 5 by name desc");
    const expected = all('virtualNetworkGateways').map((g) => ({ name: g.name, properties_sku_name: (g.properties.sku as { name: string }).name }));
    assert.deepStrictEqual(top.rows, expected.sort((a, b) => (a.name < b.name ? 1 : -1)).slice(0, 5));
    assert.strictEqual(top.limited, true);
  });

  it('Count virtual machines by OS type, both ways (connections by type adapted)', () => {
    assert.deepStrictEqual(query("Resources\n| where type =~ 'Microsoft.Compute/virtualMachines'\n| summarize count() by tostring(properties.storageProfile.osDisk.osType)").rows, []);
    const expected = new Map<string, number>();
    for (const c of all('connections')) expected.set(c.properties.connectionType as string, (expected.get(c.properties.connectionType as string) ?? 0) + 1);
    const byPath = query("Resources | where type =~ 'Microsoft.Network/connections' | summarize count() by tostring(properties.connectionType)");
    assert.deepStrictEqual(byPath.rows, [...expected].map(([type, n]) => ({ properties_connectionType: type, count_: n })));
    const byExtend = query("Resources | where type =~ 'Microsoft.Network/connections' | extend os = properties.connectionType | summarize count() by tostring(os)");
    assert.deepStrictEqual(byExtend.rows, [...expected].map(([type, n]) => ({ os: type, count_: n })));
  });

  it('Show resources that contain storage (none; gateway adapted)', () => {
    assert.deepStrictEqual(query("Resources\n| where type contains 'storage' | distinct type").rows, []);
    assert.deepStrictEqual(query("Resources | where type contains 'gateway' | distinct type").rows, [
      { type: 'microsoft.network/virtualnetworkgateways' }, { type: 'microsoft.network/localnetworkgateways' },
    ]);
  });

  it('List all public IP addresses / count them by subscription (local gateway addresses adapted)', () => {
    assert.deepStrictEqual(query("Resources\n| where type contains 'publicIPAddresses' and isnotempty(properties.ipAddress)\n| project properties.ipAddress\n| limit 100").rows, []);
    const result = query("Resources | where type contains 'localNetworkGateways' and isnotempty(properties.gatewayIpAddress) | summarize count () by subscriptionId");
    const withAddress = (sub: string) => all('localNetworkGateways', sub).filter((l) => l.properties.gatewayIpAddress).length;
    assert.deepStrictEqual(result.rows, [
      { subscriptionId: PRODUCTION_SUBSCRIPTION_ID, count_: withAddress(PRODUCTION_SUBSCRIPTION_ID) },
      { subscriptionId: LAB_SUBSCRIPTION_ID, count_: withAddress(LAB_SUBSCRIPTION_ID) },
    ]);
  });

  it('List resources with a specific tag value, with and without their tags', () => {
    assert.deepStrictEqual(query("Resources\n| where tags.environment=~'internal'\n| project name").rows, []);
    const tagged = all('connections').filter((c) => c.tags?.site?.toLowerCase() === 'paris');
    assert.deepStrictEqual(query("Resources | where tags.site=~'PARIS' | project name").rows, tagged.map((c) => ({ name: c.name })));
    assert.deepStrictEqual(query("Resources | where tags.site=~'paris' | project name, tags").rows, tagged.map((c) => ({ name: c.name, tags: c.tags })));
  });

  it('List all storage accounts with specific tag value (== is case-sensitive)', () => {
    const storage = query("Resources\n| where type =~ 'Microsoft.Storage/storageAccounts'\n| where tags['tag with a space']=='Custom value'");
    assert.deepStrictEqual([storage.columns, storage.rows], [GRAPH_COLUMNS, []]);
    assert.strictEqual(query("Resources | where tags['site']=='Paris'").rows.length, 1);
    assert.strictEqual(query("Resources | where tags['site']=='paris'").rows.length, 0);
  });

  it('List all virtual network subnets: mv-expand (gateway IP configurations adapted)', () => {
    const result = query("Resources\n| where type == 'microsoft.network/virtualnetworkgateways'\n| extend configs = properties.ipConfigurations\n| mv-expand configs\n| project name, configs.name, resourceGroup");
    const expected = state.subscriptions.flatMap((s) => s.resourceGroups.flatMap((g) => g.virtualNetworkGateways.flatMap((gw) =>
      (gw.properties.ipConfigurations as Array<{ name: string }>).map((c) => ({ name: gw.name, configs_name: c.name, resourceGroup: g.name.toLowerCase() })))));
    assert.deepStrictEqual(result.rows, expected);
  });
});

describe('emulator: Resource Graph queries (Microsoft advanced samples)', () => {
  it('Remove columns from results: summarize, join on a column, project-away its copy', () => {
    const result = query("Resources\n| summarize resourceCount=count() by subscriptionId\n| join (ResourceContainers | where type=='microsoft.resources/subscriptions' | project SubName=name, subscriptionId) on subscriptionId\n| project-away subscriptionId, subscriptionId1");
    assert.deepStrictEqual(result.rows, state.subscriptions.map((s) => ({ resourceCount: resourceCount(s.subscriptionId), SubName: s.displayName })));
  });

  it('Key vaults with subscription name: join kind=leftouter (connections adapted)', () => {
    const join = "Resources\n| join kind=leftouter (ResourceContainers | where type=='microsoft.resources/subscriptions' | project SubName=name, subscriptionId) on subscriptionId\n";
    assert.deepStrictEqual(query(`${join}| where type == 'microsoft.keyvault/vaults'\n| project type, name, SubName`).rows, []);
    const rows = query(`${join}| where type == 'microsoft.network/connections' | project type, name, SubName`).rows;
    const expected = state.subscriptions.flatMap((s) => s.resourceGroups.flatMap((g) => g.connections.map((c) => ({ type: 'microsoft.network/connections', name: c.name, SubName: s.displayName }))));
    assert.deepStrictEqual(rows, expected);
  });

  it('Get virtual machine scale set capacity and size: toint and renamed columns (gateway SKUs adapted)', () => {
    assert.deepStrictEqual(query("Resources\n| where type=~ 'microsoft.compute/virtualmachinescalesets'\n| where name contains 'contoso'\n| project subscriptionId, name, location, resourceGroup, Capacity = toint(sku.capacity), Tier = sku.name\n| order by Capacity desc").rows, []);
    const rows = query("Resources | where type=~ 'microsoft.network/virtualnetworkgateways' | where name contains 'PROD' | project name, Capacity = toint(properties.sku.capacity), Tier = properties.sku.name | order by Capacity desc").rows;
    const expected = all('virtualNetworkGateways').filter((g) => g.name.includes('prod')).map((g) => {
      const sku = g.properties.sku as { name: string; capacity: number };
      return { name: g.name, Capacity: sku.capacity, Tier: sku.name };
    });
    assert.deepStrictEqual(rows, expected);
  });

  it('Virtual machines matched by regex (gateways adapted)', () => {
    assert.deepStrictEqual(query("Resources\n| where type =~ 'microsoft.compute/virtualmachines' and name matches regex @'^Contoso(.*)[0-9]+$'\n| project name\n| order by name asc").rows, []);
    const rows = query("Resources | where type =~ 'microsoft.network/virtualnetworkgateways' and name matches regex @'^vgw-(.*)[0-9]+$' | project name | order by name asc").rows;
    assert.deepStrictEqual(names(rows), all('virtualNetworkGateways').map((g) => g.name).filter((n) => /^vgw-(.*)[0-9]+$/.test(n)).sort());
  });

  it('List Azure Cosmos DB with specific write locations and virtual machines with their NICs parse and run', () => {
    const cosmos = query("Resources\n| where type =~ 'microsoft.documentdb/databaseaccounts'\n| project id, name, writeLocations = (properties.writeLocations)\n| mv-expand writeLocations\n| project id, name, writeLocation = tostring(writeLocations.locationName)\n| where writeLocation in ('East US', 'West US')\n| summarize by id, name");
    assert.deepStrictEqual([cosmos.columns, cosmos.rows], [['id', 'name'], []]);
    const vms = query("Resources\n| where type =~ 'microsoft.compute/virtualmachines'\n| extend nics=array_length(properties.networkProfile.networkInterfaces)\n| mv-expand nic=properties.networkProfile.networkInterfaces\n| where nics == 1 or nic.properties.primary =~ 'true' or isempty(nic)\n| project vmId = id, vmName = name, vmSize=tostring(properties.hardwareProfile.vmSize), nicId = tostring(nic.id)\n| join kind=leftouter (\n    Resources\n    | where type =~ 'microsoft.network/networkinterfaces'\n    | extend ipConfigsCount=array_length(properties.ipConfigurations)\n    | mv-expand ipconfig=properties.ipConfigurations\n    | where ipConfigsCount == 1 or ipconfig.properties.primary =~ 'true'\n    | project nicId = id, publicIpId = tostring(ipconfig.properties.publicIPAddress.id))\non nicId\n| project-away nicId1\n| summarize by vmId, vmName, vmSize, nicId, publicIpId\n| join kind=leftouter (\n    Resources\n    | where type =~ 'microsoft.network/publicipaddresses'\n    | project publicIpId = id, publicIpAddress = properties.ipAddress)\non publicIpId\n| project-away publicIpId1");
    assert.deepStrictEqual([vms.columns, vms.rows], [['vmId', 'vmName', 'vmSize', 'nicId', 'publicIpId', 'publicIpAddress'], []]);
  });

  it('joins with $left/$right on two columns, inner drops what leftouter keeps', () => {
    const on = "on $left.resourceGroup == $right.rg and $left.subscriptionId == $right.subscriptionId";
    const groups = "(resourcecontainers | where type == 'microsoft.resources/subscriptions/resourcegroups' | where tags.environment == 'production' | project rg = resourceGroup, subscriptionId, env = tags.environment)";
    const inner = query(`resources | where type =~ 'microsoft.network/connections' | join kind=inner ${groups} ${on} | project name, env`);
    const prodGroup = state.subscriptions[0].resourceGroups.find((g) => g.tags?.environment === 'production')!;
    assert.deepStrictEqual(inner.rows, prodGroup.connections.map((c) => ({ name: c.name, env: 'production' })));
    const outer = query(`resources | where type =~ 'microsoft.network/connections' | join kind=leftouter ${groups} ${on} | project name, env`);
    assert.strictEqual(outer.rows.length, all('connections').length);
  });
});

describe('emulator: Resource Graph query semantics and errors', () => {
  it('has matches whole terms, contains any substring, both case-insensitive; set operators', () => {
    assert.deepStrictEqual(names(query("resources | where name has 'PARIS'").rows), ['lgw-paris-office', 'cn-prod-we-paris']);
    assert.deepStrictEqual(names(query("resources | where name has 'prod-we-paris'").rows), ['cn-prod-we-paris']);
    assert.strictEqual(query("resources | where name has 'pari'").rows.length, 0);
    assert.deepStrictEqual(names(query("resources | where name contains 'PARI'").rows), ['lgw-paris-office', 'cn-prod-we-paris']);
    assert.deepStrictEqual(names(query("resources | where name in~ ('CN-LAB-HOME', 'cn-lab-fabrikam')").rows), ['cn-lab-home', 'cn-lab-fabrikam']);
    assert.deepStrictEqual(names(query("resources | where name in ('CN-LAB-HOME', 'cn-lab-fabrikam')").rows), ['cn-lab-fabrikam']);
    assert.strictEqual(query("resources | where type == 'microsoft.network/connections' and name !in ('cn-lab-home') and not(name startswith 'cn-prod')").rows.length,
      all('connections').filter((c) => c.name !== 'cn-lab-home' && !c.name.startsWith('cn-prod')).length);
  });

  it('a missing property is empty; strcat, tolower, toupper, isnotempty', () => {
    const rows = query("resources | where isempty(properties.nothingHere) and isnotempty(properties.connectionStatus) | project n = strcat(toupper(name), '/', tolower(properties.connectionStatus)) | take 1").rows;
    const first = all('connections')[0];
    assert.deepStrictEqual(rows, [{ n: `${first.name.toUpperCase()}/${String(first.properties.connectionStatus).toLowerCase()}` }]);
  });

  it('unsupported operators, unknown functions, columns and tables fail as Graph reports them', () => {
    assert.deepStrictEqual(failure("Resources\n| parse id with * '/providers/' rp"), { code: 'ParserFailure', message: 'ParserFailure', line: 2, characterPositionInLine: 2, token: 'parse' });
    assert.deepStrictEqual(failure('resources | union resourcecontainers').token, 'union');
    assert.deepStrictEqual(failure("resources | mv-apply x on (take 1)").token, 'mv-apply');
    assert.deepStrictEqual(failure('where where'), { code: 'ParserFailure', message: 'ParserFailure', line: 1, characterPositionInLine: 6, token: 'where' });
    assert.deepStrictEqual(failure("Resources\n| where name =="), { code: 'ParserFailure', message: 'ParserFailure', line: 2, characterPositionInLine: 15, token: '<EOF>' });
    assert.deepStrictEqual(failure('resources | where cout(name)'), { code: 'UnknownFunction', message: "Unknown function: 'cout'." });
    assert.strictEqual(failure('resources | where Name == 1').code, 'FailedToResolveScalarExpression');
    assert.deepStrictEqual(failure('appserviceresources | count'), { code: 'DisallowedLogicalTableName', message: 'Table appserviceresources is invalid, unsupported or disallowed.' });
  });
});
