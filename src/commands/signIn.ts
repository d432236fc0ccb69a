// Sign In and Choose Sign-in Method…: the VS Code Microsoft account, the Azure CLI, or the environment.
import * as vscode from 'vscode';
import type { AuthenticationMethod } from '../azure/api';
import { readAzureSettings, writeAuthenticationMethod } from '../services/settings';
import { answered } from '../ui/cancelled';
import type { Services } from './services';

export async function signIn(services: Services): Promise<void> {
  if (services.tree.signInState === 'signedIn' && !(await signInAgain(services))) return;
  const method = readAzureSettings().authentication;
  if (method === 'vscode') {
    if (await services.azure.signInWithVsCodeAccount()) {
      services.azure.reset();
      services.tree.refresh();
    }
    return;
  }
  if (method === 'azureCli') {
    const openTerminal = vscode.l10n.t('Open Terminal');
    const choice = await services.input.showMessage(
      'info',
      vscode.l10n.t('The extension signs in with the Azure CLI. Run "az login" in a terminal, then refresh the Connections view.'),
      {},
      openTerminal,
    );
    if (choice === openTerminal) {
      const terminal = vscode.window.createTerminal(vscode.l10n.t('Azure sign-in'));
      terminal.show();
      terminal.sendText('az login'); // not user-facing: the command the terminal runs
    }
    return;
  }
  void services.input.showMessage(
    'info',
    vscode.l10n.t('The extension signs in with the environment credential: set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH) for VS Code, restart it, then refresh.'),
    {},
  );
}

/** Already signed in: say who, and offer another method rather than a second sign-in. */
async function signInAgain(services: Services): Promise<boolean> {
  const choose = vscode.l10n.t('Choose Sign-in Method…');
  const again = vscode.l10n.t('Sign In Again');
  const choice = await services.input.showMessage('info', vscode.l10n.t('Signed in to Azure with the {0}.', services.azure.who()), {}, choose, again);
  if (choice === choose) await chooseSignInMethod(services);
  return choice === again;
}

export async function chooseSignInMethod(services: Services): Promise<void> {
  const current = readAzureSettings().authentication;
  const methods: { label: string; detail: string; value: AuthenticationMethod }[] = [
    { label: vscode.l10n.t('VS Code Microsoft account'), detail: vscode.l10n.t('The account you sign in to VS Code with (recommended)'), value: 'vscode' },
    { label: vscode.l10n.t('Azure CLI'), detail: vscode.l10n.t('The account of "az login"'), value: 'azureCli' },
    { label: vscode.l10n.t('Environment'), detail: vscode.l10n.t('A service principal from AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET…'), value: 'environment' },
  ];
  const currentWord = vscode.l10n.t({ message: 'current', comment: ['The sign-in method in use, beside it in the list'] });
  const method = answered(
    await services.input.pickOne(
      methods.map((item) => ({ ...item, description: item.value === current ? currentWord : undefined })),
      { title: vscode.l10n.t('Choose Sign-in Method'), placeHolder: vscode.l10n.t('How should the extension sign in to Azure?') },
    ),
  );
  if (method !== current) {
    await writeAuthenticationMethod(method);
  }
}
