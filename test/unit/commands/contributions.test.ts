import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { commandIds } from '../../../src/commands/commandIds';
import { bgpPeerLook, bgpPeersLook } from '../../../src/tree/bgpLooks';
import { connectionLook, gatewayLook, resourceGroupLook, subscriptionLook } from '../../../src/tree/treeModel';
import { ikeSasLook } from '../../../src/tree/tunnelLooks';
import { connection, gateway, subscription } from '../tree/sampleModel';

const root = path.resolve(__dirname, '../../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const contributes = manifest.contributes;

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
    connectionLook(connection('c'), { activity: 'Deleting…' }),
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
});
