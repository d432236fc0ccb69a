import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { commandIds } from '../../../src/commands/commandIds';
import { bgpPeerLook, bgpPeersLook } from '../../../src/tree/bgpLooks';
import { connectionLook, gatewayLook, resourceGroupLook, subscriptionLook } from '../../../src/tree/treeModel';
import { ikeSasLook } from '../../../src/tree/tunnelLooks';
import { connection, gateway, subscription } from '../tree/sampleModel';

const root = path.resolve(__dirname, '../../../..');
const rawManifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
/** English: the manifest's `%key%` strings come from package.nls.json (as VS Code reads them). */
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

/** Every string of a manifest value, with where it is (e.g. `contributes.commands.3.title`). */
function strings(value: unknown, at = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[at, value]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, child]) => strings(child, at ? `${at}.${key}` : key));
  return [];
}

function localized(value: unknown): unknown {
  if (typeof value === 'string') return /^%([^%]+)%$/.test(value) ? nls[value.slice(1, -1)] : value;
  if (Array.isArray(value)) return value.map(localized);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, localized(child)]));
  return value;
}

const manifest = localized(rawManifest) as typeof rawManifest;
const contributes = manifest.contributes;

/** Where a manifest string is read by the user (and so comes from package.nls.json). */
const userFacing = /^(displayName|description)$|\.(title|shortTitle|category|name|contextualTitle|contents|description|markdownDescription|deprecationMessage|markdownDeprecationMessage)$|\.(enumDescriptions|markdownEnumDescriptions)\.\d+$/;

interface MenuItem {
  command: string;
  when?: string;
}

const menuItems: MenuItem[] = Object.values(contributes.menus as Record<string, MenuItem[]>).flat();

/** Every token the tree puts in a context value, from objects in every state. */
function producedTokens(): Set<string> {
  const looks = [
    subscriptionLook(subscription('s', 'S')),
    resourceGroupLook({ subscriptionId: 's', name: 'g' }),
    gatewayLook(gateway('vpn')),
    gatewayLook(gateway('er', { kind: 'ExpressRoute' })),
    connectionLook(connection('c')),
    connectionLook(connection('c'), { activity: 'deleting' }),
    connectionLook(connection('c'), { heldKey: true }),
    connectionLook(connection('v', { type: 'Vnet2Vnet' })),
    gatewayLook(gateway('bgp', { bgpAsn: 65010 })),
    bgpPeersLook(gateway('bgp', { bgpAsn: 65010 })),
    bgpPeerLook({ neighbor: '169.254.21.1', state: 'Connected' }, false),
    ikeSasLook(),
  ];
  return new Set(looks.flatMap((look) => look.contextValue.split(';')).concat('message', 'error'));
}

describe('package.json contributions', () => {
  it('contribute exactly the commands the extension registers', () => {
    const contributed = (contributes.commands as { command: string }[]).map((command) => command.command).sort();
    assert.deepStrictEqual(contributed, [...commandIds].sort());
  });

  it('give every command a title in the "Azure VPN" category', () => {
    for (const command of contributes.commands as { command: string; title: string; category: string }[]) {
      assert.ok(command.title, `${command.command} has no title`);
      assert.strictEqual(command.category, 'Azure VPN', `${command.command} is not in the Azure VPN category`);
    }
  });

  it('put only registered commands in menus and the welcome view', () => {
    const ids = new Set<string>(commandIds);
    for (const item of menuItems) {
      assert.ok(ids.has(item.command), `menu entry for unknown command ${item.command}`);
    }
    for (const entry of contributes.viewsWelcome as { contents: string }[]) {
      for (const [, id] of entry.contents.matchAll(/\(command:([\w.]+)\)/g)) {
        assert.ok(ids.has(id), `welcome view links to unknown command ${id}`);
      }
    }
  });

  it('match context values only as anchored tokens the tree produces', () => {
    const tokens = producedTokens();
    for (const item of menuItems.filter((entry) => entry.when?.includes('viewItem'))) {
      const matches = [...item.when!.matchAll(/viewItem\s*(==|=~)\s*(\/[^/]*\/|\S+)/g)];
      assert.ok(matches.length > 0, `${item.command}: viewItem is not matched with == or =~`);
      for (const [, operator, pattern] of matches) {
        assert.strictEqual(operator, '=~', `${item.command}: viewItem compared with == breaks when a token is added`);
        const token = /^\/\(\^\|;\)(\w+)\(;\|\$\)\/$/.exec(pattern)?.[1];
        assert.ok(token, `${item.command}: ${pattern} is not an anchored token match`);
        assert.ok(tokens.has(token), `${item.command}: the tree never produces the token "${token}"`);
      }
    }
  });

  it('show key commands only on connections with a key, and the tree gives ExpressRoute no key token', () => {
    for (const id of ['azureVpn.viewSharedKey', 'azureVpn.copySharedKey', 'azureVpn.setSharedKey', 'azureVpn.resetSharedKey']) {
      const entries = menuItems.filter((item) => item.command === id && item.when?.includes('viewItem'));
      assert.ok(entries.length > 0, `${id} is on no node`);
      for (const entry of entries) {
        assert.match(entry.when!, /\/\(\^\|;\)sharedKey\(;\|\$\)\//, `${id} can show on a node without a key`);
      }
    }
    const expressRoute = connectionLook(connection('er', { type: 'ExpressRoute', hasSharedKey: false }));
    assert.ok(!expressRoute.contextValue.split(';').includes('sharedKey'));
  });

  it('declare the activity bar container, the Connections view and its icon file', () => {
    assert.deepStrictEqual(contributes.viewsContainers.activitybar[0], { id: 'azureVpn', title: 'Azure VPN', icon: 'media/azure-vpn.svg' });
    assert.strictEqual(contributes.views.azureVpn[0].id, 'azureVpn.connections');
    assert.strictEqual(contributes.views.azureVpn[0].name, 'Connections');
    assert.ok(fs.existsSync(path.join(root, 'media/azure-vpn.svg')));
    assert.ok(fs.existsSync(path.join(root, manifest.icon)), 'the marketplace icon file is missing');
  });

  it('show a welcome with Sign In and Choose Sign-in Method… for every sign-in method when signed out', () => {
    const signedOut = (contributes.viewsWelcome as { contents: string; when: string }[]).filter((entry) =>
      entry.when.includes('azureVpn.signInState == signedOut'),
    );
    for (const method of contributes.configuration.properties['azureVpn.authentication'].enum as string[]) {
      const entry = signedOut.find((candidate) => candidate.when.includes(`config.azureVpn.authentication == ${method}`));
      assert.ok(entry, `no welcome text for the ${method} sign-in method`);
      assert.match(entry.contents, /\[Sign In\]\(command:azureVpn\.signIn\)/);
      assert.match(entry.contents, /\[Choose Sign-in Method…\]\(command:azureVpn\.chooseSignInMethod\)/);
    }
  });

  it('declare the settings of the contract with their defaults', () => {
    const properties = contributes.configuration.properties;
    assert.deepStrictEqual(properties['azureVpn.cloud'].enum, ['AzureCloud', 'AzureChinaCloud', 'AzureUSGovernment', 'Custom']);
    assert.deepStrictEqual(Object.keys(properties['azureVpn.customCloud'].properties).slice(0, 3), [
      'resourceManagerEndpoint',
      'authorityHost',
      'resourceManagerAudience',
    ]);
    assert.strictEqual(properties['azureVpn.authentication'].default, 'vscode');
    assert.strictEqual(properties['azureVpn.tenantId'].type, 'string');
    assert.deepStrictEqual(properties['azureVpn.subscriptions'].default, []);
    assert.strictEqual(properties['azureVpn.clipboardClearSeconds'].default, 30);
  });

  it('take every string the user reads from package.nls.json, which holds no key the manifest does not use', () => {
    const all = strings(rawManifest);
    const literal = all.filter(([at, value]) => userFacing.test(at) && !/^%[^%]+%$/.test(value));
    assert.deepStrictEqual(literal, [], 'user-facing manifest strings that are not %keys% of package.nls.json');
    const used = new Set(all.map(([, value]) => /^%([^%]+)%$/.exec(value)?.[1]).filter((key): key is string => key !== undefined));
    assert.deepStrictEqual([...used].filter((key) => nls[key] === undefined), [], 'keys missing from package.nls.json');
    assert.deepStrictEqual(Object.keys(nls).filter((key) => !used.has(key)), [], 'keys of package.nls.json no manifest string uses');
  });
});
