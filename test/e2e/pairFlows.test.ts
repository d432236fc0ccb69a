// VNet-to-VNet pairs as a user works with them in a real VS Code (code-server in Chromium): the other
// half reached from the tree, Reset on both halves with the tunnel watched until it is up, one half
// only and the key check that says they differ, and both halves created in one wizard. What Azure
// (the emulator) holds is checked after each; the last test searches everything written for every key.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { EmulatorControl } from '../emulator/control';
import { LAB_SUBSCRIPTION_ID, PRODUCTION_SUBSCRIPTION_ID } from '../emulator/defaultData';
import { connectionIn, everySharedKey, productionGateway, sameKey, sharedKeyIn, type ConnectionPlace } from './support/azureState';
import { keysWrittenAnywhere } from './support/hygiene';
import { filesUnder, KeySearch } from './support/keySearch';
import { startSession, suiteFailed, type Session } from './support/session';
import { Workbench } from './support/workbench';

const zurich: ConnectionPlace = { subscriptionId: PRODUCTION_SUBSCRIPTION_ID, resourceGroup: 'rg-vpn.prod(westeurope)_01', name: 'cn-prod-we-zurich' };
const zurichHalf: ConnectionPlace = { subscriptionId: PRODUCTION_SUBSCRIPTION_ID, resourceGroup: 'rg-Zürich-vpn', name: 'cn-zrh-prod-we' };
const bothHalves = `'${zurich.name}' and '${zurichHalf.name}'`;

describe('VNet-to-VNet pairs in VS Code, checked against Azure', function () {
  this.timeout(120_000);
  let session: Session;
  let azure: EmulatorControl;
  const seenKeys = new KeySearch();

  function flow(name: string): Workbench {
    return new Workbench(session.workbench.page, name);
  }


  before(async () => {
    session = await startSession({ name: 'pair-flows', settings: { 'azureVpn.tunnelWatchSeconds': 60 } });
    azure = new EmulatorControl(session.emulator!.info);
    await session.workbench.openAzureVpn();
    await session.workbench.expandPath(...productionGateway);
  });

  beforeEach(async () => {
    await azure.reset();
    seenKeys.remember(...(await everySharedKey(azure)));
    await session.workbench.clearNotifications();
    await session.workbench.runCommand('Azure VPN: Refresh');
    await session.workbench.expandPath(...productionGateway);
  });

  afterEach(async () => {
    seenKeys.remember(...(await everySharedKey(azure)));
  });

  after(async function () {
    await session?.stop(suiteFailed(this));
  });

  it('Go to Other Half: the other half of a link is revealed and selected under its own gateway', async () => {
    const workbench = flow('go-to-other-half');
    await workbench.contextMenu(zurich.name, 'Go to Other Half');
    await workbench.treeItem(zurichHalf.name).and(workbench.page.locator('[aria-selected="true"]')).waitFor();
    await workbench.step('other-half-selected');
  });

  it('Reset Shared Key → Both halves: Azure makes the key, both halves hold it, and the rows go Connecting → Connected', async () => {
    const workbench = flow('reset-both-halves');
    const before = await sharedKeyIn(azure, zurich);
    await workbench.contextMenu(zurich.name, 'Reset Shared Key…');
    await workbench.quickPickRows().filter({ hasText: 'Both halves (recommended)' }).waitFor();
    await workbench.step('both-or-one');
    await workbench.pick('Both halves (recommended)');
    await workbench.typeInQuickInput('32');
    await workbench.dialog().filter({ hasText: `Reset the shared key of ${bothHalves}?` }).waitFor();
    await workbench.answerDialog('Reset Key');
    const progress = await workbench.waitForToast(`Resetting the shared key of ${bothHalves}`);
    await progress.filter({ hasText: /[12]\/2 'cn-/ }).waitFor();
    await workbench.step('progress');
    await workbench.rowShows(zurich.name, 'Connecting');
    await workbench.step('connecting');
    await workbench.waitForToast(`Tunnel up: '${zurich.name}' ↔ '${zurichHalf.name}'.`, 60_000);
    await workbench.rowShows(zurich.name, 'Connected');
    await workbench.step('tunnel-up');
    const [first, second] = [await sharedKeyIn(azure, zurich), await sharedKeyIn(azure, zurichHalf)];
    assert.ok(first !== before, 'Azure still holds the old key');
    sameKey(second, first, 'the key of the other half');
  });

  it('Reset → This half only: the tunnel goes down, and Check Shared Keys of Pair says the keys differ', async () => {
    const workbench = flow('this-half-only');
    await workbench.contextMenu(zurich.name, 'Reset Shared Key…');
    await workbench.pick('This half only');
    await workbench.typeInQuickInput('32');
    await workbench.answerDialog('Reset Key');
    await workbench.waitForToast(`The shared key of '${zurich.name}' was reset`);
    await workbench.rowShows(zurich.name, 'Not connected');
    await workbench.clearNotifications();
    await workbench.contextMenu(zurich.name, 'Check Shared Keys of Pair');
    await workbench.waitForToast(`The shared keys of ${bothHalves} differ`);
    await workbench.step('keys-differ');
    assert.ok((await sharedKeyIn(azure, zurich)) !== (await sharedKeyIn(azure, zurichHalf)), 'the halves hold the same key');
  });

  it('Create Connection → VNet-to-VNet → Also create the other half: both halves exist with the same key', async () => {
    const workbench = flow('create-both-halves');
    const first: ConnectionPlace = { ...zurich, name: 'cn-prod-we-lab-eus' };
    const second: ConnectionPlace = { subscriptionId: LAB_SUBSCRIPTION_ID, resourceGroup: 'rg-lab.vpn-eastus', name: 'cn-lab-eus-prod-we' };
    await workbench.contextMenu('vgw-prod-we', 'Create Connection…');
    await workbench.typeInQuickInput(first.name);
    await workbench.pick('VNet-to-VNet');
    await workbench.pick('vgw-lab-eus');
    await workbench.quickPickRows().filter({ hasText: 'Also create the connection on the other gateway' }).waitFor();
    await workbench.step('other-half');
    await workbench.pick('Also create the connection on the other gateway');
    // The next step proposes a name for the other half.
    const deadline = Date.now() + 20_000;
    while ((await workbench.quickInput().inputValue()) !== second.name) {
      assert.ok(Date.now() < deadline, `the name of the other half is not proposed as ${second.name}`);
      await workbench.page.waitForTimeout(100);
    }
    await workbench.step('other-half-name');
    await workbench.typeInQuickInput(second.name);
    await workbench.quickInputButton('Generate a strong random 32-character key').click();
    await workbench.pick('IKEv2');
    await workbench.quickPickRows().filter({ hasText: 'also created on' }).waitFor();
    await workbench.step('review');
    await workbench.pick('Create');
    await workbench.waitForToast(`Created '${first.name}' and its other half '${second.name}'`, 60_000);
    await workbench.step('created');
    const [one, other] = [await connectionIn(azure, first), await connectionIn(azure, second)];
    assert.ok(one && other, 'a half is missing in Azure');
    sameKey(String(other.properties.sharedKey), String(one.properties.sharedKey), 'the key of the other half');
  });

  it('Secret hygiene: no key these flows read, set or generated is in any log, setting, state or console output', async () => {
    const workbench = flow('pair-secret-hygiene');
    assert.ok(seenKeys.size > 0);
    // Every key operation on either half left its audit line (without the key).
    const log = filesUnder(session.server.logsDir)
      .filter((file) => file.endsWith(`${path.sep}Azure VPN.log`))
      .map((file) => fs.readFileSync(file, 'utf8'))
      .join('\n');
    for (const [what, name] of [['reset shared key', zurich.name], ['read shared key', zurich.name], ['set shared key', zurichHalf.name], ['created connection with shared key', 'cn-lab-eus-prod-we']]) {
      assert.match(log, new RegExp(`what="${what}" connection="[^"]*/${name}" result="succeeded"`), `no audit line "${what}" for ${name}`);
    }
    assert.deepStrictEqual(await keysWrittenAnywhere(session, workbench.page, seenKeys), [], 'a shared key was written where it must not be');
  });
});
