// The extension in a translated VS Code: the pseudo-translation (qps-ploc) of every string it
// localizes, generated from package.nls.json and l10n/bundle.l10n.json with @vscode/l10n-dev,
// shows in the activity bar, the view's title, the tree, an error Azure's layer words, and the
// command palette. Screenshots in test-results/pseudo-locale-*.
import * as assert from 'assert';
import { EmulatorControl } from '../emulator/control';
import { pseudo, pseudoLocale, pseudoTranslation } from './support/pseudoLocale';
import { startSession, suiteFailed, type Session } from './support/session';

const marketing = { id: '0d5c2b4a-1e3f-4a6b-8c7d-9e0f1a2b3c4d', name: 'Contoso Marketing' };

describe('The extension in a translated VS Code (pseudo-translation qps-ploc)', function () {
  this.timeout(120_000);
  let session: Session;
  let azure: EmulatorControl;
  let manifest: Record<string, string>;

  before(async () => {
    manifest = pseudoTranslation().manifest;
    session = await startSession({ name: 'pseudo-locale', locale: pseudoLocale, settings: { 'azureVpn.discovery': 'resourceGraph' } });
    azure = new EmulatorControl(session.emulator!.info);
    await azure.addSubscription(marketing.id, marketing.name);
  });

  after(async function () {
    await session?.stop(suiteFailed(this));
  });

  it('names the container and the view in the translation, and the tree says what it hides in it', async () => {
    const { workbench } = session;
    const container = manifest['viewsContainer.azureVpn.title'];
    assert.notStrictEqual(container, 'Azure VPN', 'the pseudo-translation leaves the container’s title as it is');
    await workbench.openAzureVpn(container);
    assert.strictEqual(await workbench.sideBarTitle().innerText(), `${container}: ${manifest['view.azureVpn.connections.name']}`);
    await workbench.treeItem(pseudo('1 subscription without gateways hidden')).waitFor();
    await workbench.treeItem('Contoso Networking (Production)').waitFor();
    await workbench.step('tree');
  });

  it('words a failure from Azure’s layer (src/azure, without vscode) in the translation too', async () => {
    const { workbench } = session;
    await azure.addFault({ method: 'GET', pathPattern: '/providers/Microsoft\\.Network/connections$', status: 403, errorCode: 'AuthorizationFailed', message: 'Denied.', count: 1 });
    await workbench.expandPath('Contoso Networking (Production)', 'rg-vpn.prod(westeurope)_01', 'vgw-prod-we');
    const reason = pseudo('You do not have permission for this. {0}', 'Denied.');
    await workbench.treeItems().filter({ hasText: reason }).first().waitFor();
    await workbench.step('error-from-azure');
  });

  it('runs a command by its translated title in the command palette', async () => {
    const { workbench } = session;
    const mark = (await azure.requests()).length;
    await workbench.runCommand(`${manifest['command.category']}: ${manifest['command.refresh.title']}`);
    // Refresh reads Azure again: the error row goes, and the gateway’s connections are listed.
    await workbench.treeItem('cn-prod-we-paris').waitFor();
    assert.ok((await azure.requests()).length > mark, 'the translated Refresh did not read Azure');
    await workbench.step('refreshed');
  });
});
