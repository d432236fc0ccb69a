// Smoke: the packaged extension installs into a fresh VS Code (code-server) and its view opens,
// with the emulator's subscriptions when signed in and the sign-in welcome view when not.
import * as assert from 'assert';
import { EmulatorControl } from '../emulator/control';
import { startSession, suiteFailed, type Session } from './support/session';

describe('Smoke: the packaged extension in VS Code', function () {
  this.timeout(120_000);

  describe('signed in to the emulator', () => {
    let session: Session | undefined;

    before(async () => {
      session = await startSession({ name: 'smoke-signed-in' });
    });

    after(async function () {
      await session?.stop(suiteFailed(this));
    });

    it('opens the Azure VPN container on its Connections view, listing the subscriptions Azure has', async () => {
      const { workbench, emulator } = session!;
      const state = await new EmulatorControl(emulator!.info).state();
      await workbench.openAzureVpn();
      assert.strictEqual(await workbench.sideBarTitle().innerText(), 'Azure VPN: Connections');
      for (const subscription of state.subscriptions) {
        await workbench.treeItem(subscription.displayName).waitFor({ timeout: 30_000 });
      }
      assert.strictEqual(await workbench.welcomeView().count(), 0, 'the sign-in welcome view shows although signed in');
      await workbench.step('connections-view');
    });
  });

  describe('signed out', () => {
    let session: Session | undefined;

    before(async () => {
      session = await startSession({ name: 'smoke-signed-out', signedOut: true });
    });

    after(async function () {
      await session?.stop(suiteFailed(this));
    });

    it('shows the welcome view with Sign In when the environment holds no credential', async () => {
      const { workbench } = session!;
      await workbench.openAzureVpn();
      await workbench.sideBarButton('Sign In').waitFor({ timeout: 30_000 });
      assert.match(await workbench.welcomeView().innerText(), /Sign in to Azure/);
      assert.strictEqual(await workbench.treeItems().count(), 0, 'the tree shows items although signed out');
      await workbench.step('welcome-view');
    });
  });
});
