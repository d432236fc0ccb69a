// The whole fleet at once, as a user sees it in a real VS Code (code-server in Chromium): the tree
// discovered through Azure Resource Graph with a subscription that holds no gateway beside the
// default data, Go to Connection… from the view's title, Show Only Problems and its badge, and the
// walk Resource Manager takes over with when Graph refuses. Screenshots in test-results/fleet-*.
import * as assert from 'assert';
import { EmulatorControl } from '../emulator/control';
import { startSession, suiteFailed, type Session } from './support/session';
import { Workbench } from './support/workbench';

const marketing = { id: '0d5c2b4a-1e3f-4a6b-8c7d-9e0f1a2b3c4d', name: 'Contoso Marketing' };
const hint = '1 subscription without gateways hidden';
const fallbackLine = /Discovering gateways through Resource Manager, one request per subscription, group and gateway: Azure Resource Graph refused the query \(403\)/g;

describe('The whole fleet in VS Code, through Azure Resource Graph', function () {
  this.timeout(120_000);
  let session: Session;
  let azure: EmulatorControl;

  function flow(name: string): Workbench {
    return new Workbench(session.workbench.page, `fleet-${name}`);
  }

  /** The number on the Azure VPN icon of the activity bar, or '' when there is none. */
  async function badge(workbench: Workbench): Promise<string> {
    const content = workbench.activityBarTab('Azure VPN').locator('.badge-content');
    return (await content.count()) && (await content.isVisible()) ? (await content.innerText()).trim() : '';
  }


  before(async () => {
    session = await startSession({ name: 'fleet', settings: { 'azureVpn.discovery': 'resourceGraph' } });
    azure = new EmulatorControl(session.emulator!.info);
    await azure.addSubscription(marketing.id, marketing.name);
    await session.workbench.openAzureVpn();
  });

  after(async function () {
    await session?.stop(suiteFailed(this));
  });

  it('lists only the subscriptions that hold gateways, with a note saying how many are hidden', async () => {
    const workbench = flow('hidden-subscriptions');
    await workbench.treeItem(hint).waitFor();
    await workbench.treeItem('Contoso Networking (Production)').waitFor();
    assert.strictEqual(await workbench.treeItem(marketing.name).count(), 0, 'the subscription without gateways shows');
    await workbench.step('hint');
  });

  it('Go to Connection… in the view’s title finds a connection as the user types and reveals it, three levels deep', async () => {
    const workbench = flow('go-to-connection');
    await workbench.sideBarButton('Go to Connection…').click();
    // Sorted by name: the first rows of the fleet.
    await workbench.quickPickRows().filter({ hasText: 'cn-lab-eus-staging' }).waitFor();
    await workbench.step('every-connection');
    await workbench.typeInQuickInput('geneva', { submit: false });
    await workbench.quickPickRows().filter({ hasText: 'cn-zrh-geneva' }).waitFor();
    // The extension filters the list: the rows that do not hold the word go when its answer arrives.
    await workbench.quickPickRows().filter({ hasText: 'cn-lab-eus-staging' }).waitFor({ state: 'detached' });
    assert.strictEqual(await workbench.quickPickRows().count(), 1, 'the list did not filter');
    await workbench.step('filtered');
    await workbench.pick('cn-zrh-geneva');
    const row = workbench.treeItem('cn-zrh-geneva');
    await row.and(workbench.page.locator('[aria-selected="true"]')).waitFor();
    assert.strictEqual(await row.getAttribute('aria-level'), '4');
    assert.strictEqual(await workbench.treeItem('vgw-zrh-01').getAttribute('aria-expanded'), 'true');
    await workbench.step('revealed');
  });

  it('Show Only Problems leaves only the connections not connected, counted on the view’s badge; Show All Connections brings the rest back', async () => {
    const workbench = flow('show-only-problems');
    const state = await azure.state();
    const problems = state.subscriptions.flatMap((s) => s.resourceGroups.flatMap((g) => g.connections)).filter((c) => c.properties.connectionStatus !== 'Connected');
    await workbench.sideBarButton('Show Only Problems').click();
    await workbench.sideBarButton('Show All Connections').waitFor();
    const deadline = Date.now() + 20_000;
    while ((await badge(workbench)) !== String(problems.length)) {
      assert.ok(Date.now() < deadline, `the badge reads "${await badge(workbench)}", not ${problems.length}`);
      await workbench.page.waitForTimeout(200);
    }
    await workbench.treeItem('cn-zrh-geneva').waitFor();
    await workbench.treeItem('cn-zrh-prod-we').waitFor({ state: 'detached' });
    await workbench.expandPath('Contoso Networking (Production)', 'rg-vpn.prod(westeurope)_01', 'vgw-prod-we');
    await workbench.treeItem('cn-prod-we-lyon').waitFor();
    assert.strictEqual(await workbench.treeItem('cn-prod-we-paris').count(), 0, 'a connected connection shows');
    await workbench.step('problems');
    await workbench.sideBarButton('Show All Connections').click();
    await workbench.treeItem('cn-prod-we-paris').waitFor();
    assert.strictEqual(await badge(workbench), '');
    await workbench.step('all-again');
  });

  it('when Graph refuses the query, the tree walks Resource Manager instead and the log says so once', async () => {
    const workbench = flow('fallback');
    const before = session.extensionLog().match(fallbackLine)?.length ?? 0;
    await azure.addFault({ method: 'POST', pathPattern: '^/providers/Microsoft.ResourceGraph/resources$', status: 403, errorCode: 'AuthorizationFailed', count: 2 });
    await workbench.runCommand('Azure VPN: Refresh');
    await workbench.treeItem(marketing.name).waitFor();
    assert.strictEqual(await workbench.treeItem(hint).count(), 0, 'the walk knows no hidden subscriptions');
    const deadline = Date.now() + 20_000;
    while ((session.extensionLog().match(fallbackLine)?.length ?? 0) === before) {
      assert.ok(Date.now() < deadline, 'the log does not say the tree walks Resource Manager');
      await workbench.page.waitForTimeout(250);
    }
    assert.strictEqual((session.extensionLog().match(fallbackLine)?.length ?? 0) - before, 1, 'one line for the fallback');
    await workbench.step('walked');
  });
});
