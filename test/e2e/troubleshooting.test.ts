// Troubleshooting a tunnel in a real VS Code (code-server in Chromium), flow by flow, with what Azure
// (the emulator) holds afterwards checked: a connection's tunnels and IKE SAs, a gateway's BGP peers
// and routes, the device configuration script (held in memory, its key lines masked in the picture),
// Edit Connection and Reset Connection. The last test searches everything written for the keys and
// the script.
import * as assert from 'assert';
import type { Locator } from 'playwright-core';
import { EmulatorControl } from '../emulator/control';
import { connectionIn, everySharedKey, paris, productionGateway, sameKey, sharedKeyIn } from './support/azureState';
import { readBrowserStorage, readSecretStorage } from './support/browserStorage';
import { KeySearch } from './support/keySearch';
import { startSession, suiteFailed, type Session } from './support/session';
import { Workbench } from './support/workbench';

/** A line only the device configuration script of cn-prod-we-paris has: the search looks for it too. */
const scriptLine = 'crypto ikev2 keyring cn-prod-we-paris-keyring';

describe('Troubleshooting a tunnel in VS Code, checked against Azure', function () {
  this.timeout(120_000);
  let session: Session;
  let azure: EmulatorControl;
  const secrets = new KeySearch();

  function flow(name: string): Workbench {
    return new Workbench(session.workbench.page, name);
  }


  /** The rows of the tree as a screen reader hears them ("label, description"). */
  async function treeRows(workbench: Workbench): Promise<string> {
    return (await workbench.treeItems().evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''))).join('\n');
  }

  async function collapse(workbench: Workbench, name: string): Promise<void> {
    const row = workbench.treeItem(name);
    if ((await row.getAttribute('aria-expanded')) === 'true') await row.click();
    await row.and(workbench.page.locator('[aria-expanded="false"]')).waitFor();
  }

  async function progressComesAndGoes(workbench: Workbench, title: string): Promise<void> {
    const progress = await workbench.waitForToast(title);
    await progress.filter({ hasText: ': Azure is ' }).waitFor();
    await workbench.step('progress');
    await workbench.waitForToastGone(title);
  }

  /** The open editor's lines that hold a key (the minimap, which draws every line, is off). */
  function keyLines(workbench: Workbench): Locator[] {
    return [workbench.page.locator('.part.editor .monaco-editor .view-line').filter({ hasText: 'pre-shared-key' })];
  }

  before(async () => {
    session = await startSession({ name: 'troubleshooting', emulator: { connectDelayMs: 20_000 }, settings: { 'editor.minimap.enabled': false } });
    azure = new EmulatorControl(session.emulator!.info);
    const { workbench } = session;
    await workbench.openAzureVpn();
    await workbench.expandPath(...productionGateway);
    // Every flow runs with the log at its most detailed (the channel exists once the view has loaded), so the search at the end means something.
    await workbench.runCommand('Developer: Set Log Level...');
    await workbench.pick(/^Azure VPN/);
    await workbench.pick(/^Trace/);
  });

  beforeEach(async () => {
    await azure.reset();
    secrets.remember(...(await everySharedKey(azure)));
    await session.workbench.clearNotifications();
  });

  afterEach(async () => {
    secrets.remember(...(await everySharedKey(azure)));
    await session.workbench.runCommand('View: Close All Editors');
  });

  after(async function () {
    await session?.stop(suiteFailed(this));
  });

  it('A connection of an active-active gateway expands to its two tunnels, its policy and, on demand, its IKE SAs in main and quick mode', async () => {
    const workbench = flow('tunnels-and-ike-sas');
    await workbench.expand(paris.name);
    await workbench.treeItem('IPsec/IKE policy, Azure default policy').waitFor();
    await workbench.expand('IKE Security Associations');
    await workbench.expand('Quick mode SA');
    await workbench.treeItem(/^Traffic selectors/).waitFor();
    const rows = await treeRows(workbench);
    for (const row of [/203\.0\.113\.4_0, Connected · [\d.]+ GB in/, /203\.0\.113\.5_1, Connected/, /Main mode SA, 198\.51\.100\.20 → 203\.0\.113\.10/, /IKE, AES256 · SHA1 · DHGroup2/, /IPsec, GCMAES256 · GCMAES256 · None/, /Lifetime, 27,000 s · 102,400,000 KB, .* elapsed/]) {
      assert.match(rows, row);
    }
    await workbench.step('expanded');
    await collapse(workbench, paris.name);
  });

  it('BGP Peers under a BGP gateway shows one session per peer and instance; Show Learned Routes opens them as a read-only table', async () => {
    const workbench = flow('bgp-peers');
    await workbench.expand('BGP Peers');
    await workbench.treeItem('169.254.21.2, via 10.10.255.253').waitFor();
    assert.match(await treeRows(workbench), /169\.254\.21\.1, via 10\.10\.255\.254 · AS 65110 · Connected · 1 route/);
    await workbench.step('sessions');
    await workbench.contextMenu('BGP Peers', 'Show Learned Routes');
    await progressComesAndGoes(workbench, "Reading the routes 'vgw-prod-we' learned");
    const table = workbench.page.locator('.part.editor .monaco-editor').filter({ hasText: /10\.110\.0\.0\/16\s+169\.254\.21\.1\s+EBgp/ });
    await table.waitFor();
    await workbench.step('learned-routes');
    await collapse(workbench, 'BGP Peers');
  });

  it('Download Device Configuration: vendor, family and firmware from Azure’s list; the review warns of the key; the script opens in an editor that is not a file', async () => {
    const workbench = flow('device-configuration');
    await workbench.contextMenu(paris.name, 'Download Device Configuration…');
    await workbench.pick('Cisco');
    await workbench.pick('ISR');
    await workbench.pick('IOS 15.1 (Preview)');
    await workbench.quickPickRows().filter({ hasText: 'The script holds the shared key' }).waitFor();
    await workbench.step('review');
    await workbench.pick('Download');
    await workbench.waitForToast('Keep it safe: this script holds the shared key.');
    const editor = workbench.page.locator('.part.editor .monaco-editor').filter({ hasText: scriptLine });
    await editor.waitFor();
    assert.strictEqual(await workbench.page.locator('.part.editor .tab.active').getAttribute('aria-label').then((label) => /IOS 15\.1 \(Preview\)\.txt/.test(label ?? '')), true, 'the tab does not name the device');
    assert.strictEqual(await workbench.page.locator('.part.editor .tab.active.dirty').count(), 0, 'the script is in a modified editor, which VS Code backs up to disk');
    await workbench.step('script', keyLines(workbench));
  });

  it('Edit Connection: every setting first; a DPD timeout Azure refuses is refused where typed; the review shows old → new; Azure then holds the new settings and the old key', async () => {
    const workbench = flow('edit-connection');
    const key = await sharedKeyIn(azure, paris);
    await workbench.contextMenu(paris.name, 'Edit Connection…');
    await workbench.quickPickRows().filter({ hasText: 'Azure default policy' }).waitFor();
    await workbench.step('settings');
    await workbench.pick('DPD timeout');
    await workbench.typeInQuickInput('5');
    await workbench.quickInputMessage().filter({ hasText: 'The DPD timeout must be at least 9 seconds.' }).waitFor();
    await workbench.step('refused');
    await workbench.typeInQuickInput('30');
    await workbench.pick('Connection mode');
    await workbench.pick('ResponderOnly');
    const review = workbench.quickPickRows();
    await review.filter({ hasText: 'Default → ResponderOnly' }).waitFor();
    assert.ok((await review.allInnerTexts()).join(' | ').includes('45 s → 30 s'), 'the review does not show the DPD timeout as old → new');
    await workbench.step('review');
    await workbench.pick('Save');
    await progressComesAndGoes(workbench, `Updating the connection '${paris.name}'`);
    await workbench.waitForToast(`Updated '${paris.name}': connection mode, DPD timeout.`);
    const { properties } = (await connectionIn(azure, paris))!;
    assert.deepStrictEqual([properties.connectionMode, properties.dpdTimeoutSeconds], ['ResponderOnly', 30]);
    sameKey(await sharedKeyIn(azure, paris), key, 'the key after Edit Connection');
  });

  it('Reset Connection: a modal says the tunnel drops and re-establishes; Azure then negotiates it again and the row says so', async () => {
    const workbench = flow('reset-connection');
    await workbench.contextMenu(paris.name, 'Reset Connection…');
    await workbench.dialog().filter({ hasText: `Reset the connection '${paris.name}'?` }).filter({ hasText: 'drops and re-establishes' }).waitFor();
    await workbench.answerDialog('Reset Connection');
    await progressComesAndGoes(workbench, `Resetting the connection '${paris.name}'`);
    await workbench.treeItem(paris.name).filter({ hasText: 'Connecting' }).waitFor();
    assert.strictEqual((await connectionIn(azure, paris))?.properties.connectionStatus, 'Connecting', 'Azure did not reset the tunnel');
    await workbench.step('negotiating');
  });

  it('Secret hygiene: no key and no line of the device configuration script is in any log, setting, state or console output', async () => {
    const workbench = flow('secret-hygiene');
    // The control: what an untitled editor holds reaches the disk, where the search finds it. That is why the script is never opened in one.
    const marker = `untitled-backup-control-${Date.now()}`;
    await workbench.runCommand('File: New Untitled Text File');
    await workbench.page.keyboard.type(marker);
    const control = new KeySearch();
    control.remember(marker);
    /** Whether the marker is on disk; undefined while VS Code is deleting the file the search lists. */
    const backedUp = () => {
      try {
        return control.inFiles([session.server.userDataDir]).hits.length > 0;
      } catch {
        return undefined;
      }
    };
    const deadline = Date.now() + 20_000;
    while (backedUp() !== true) {
      assert.ok(Date.now() < deadline, 'VS Code did not back up the untitled editor: the search proves nothing about one');
      await workbench.page.waitForTimeout(250);
    }
    await workbench.runCommand('View: Revert and Close Editor');
    while (backedUp() !== false) {
      assert.ok(Date.now() < deadline, 'VS Code kept the backup of the reverted untitled editor');
      await workbench.page.waitForTimeout(250);
    }

    assert.match(session.extensionLog(), /what="read device configuration script"[^\n]*result="succeeded"/, 'no audit line of the script read: run the whole file');
    assert.match(session.extensionLog(), /"url": "[^"]*\/vpndeviceconfigurationscript\?/, 'the log has no SDK request line of the script: the flows did not run with the log at Trace');
    secrets.remember(scriptLine);
    const { server } = session;
    const files = secrets.inFiles([server.userDataDir, server.extensionsDir, server.folder], [server.logFile, session.consoleLog]);
    const browser = [...(await readBrowserStorage(workbench.page)), ...Object.entries(await readSecretStorage(workbench.page)).map(([name, value]) => ({ place: 'SecretStorage entry', text: `${name}\n${value}` }))];
    const hits = [...files.hits, ...secrets.inTexts(browser)];
    console.log(`      searched ${secrets.size - 1} keys and the script in ${files.searched} files and ${browser.length} browser storage records: ${hits.length} holding one`);
    assert.deepStrictEqual(hits, [], 'a key or the script was written where it must not be');
  });
});
