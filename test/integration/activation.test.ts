// The extension starts in a real VS Code extension host, and its commands in package.json and
// the ones it registers are the same set (a contributed command nobody registered fails when clicked).
import * as assert from 'assert';
import * as vscode from 'vscode';

const extensionId = 'azure-vpn-tools.azure-vpn-gateway-connections';

interface Contributions {
  commands?: Array<{ command: string }>;
  views?: Record<string, Array<{ id: string }>>;
}

function extension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension(extensionId);
  assert.ok(found, `VS Code does not know the extension ${extensionId}`);
  return found;
}

function contributions(): Contributions {
  return (extension().packageJSON as { contributes?: Contributions }).contributes ?? {};
}

/** The extension's own registered commands, without those VS Code generates for its views (`<viewId>.focus`…). */
async function registeredByExtension(): Promise<string[]> {
  const viewIds = Object.values(contributions().views ?? {}).flatMap((views) => views.map((view) => view.id));
  const all = await vscode.commands.getCommands(true);
  return all.filter((command) => command.startsWith('azureVpn.') && !viewIds.some((view) => command.startsWith(`${view}.`)));
}

describe('Activation', () => {
  before(async () => {
    await extension().activate();
  });

  it('activates in the VS Code extension host', () => {
    assert.strictEqual(extension().isActive, true);
  });

  it('registers every command that package.json contributes', async () => {
    const contributed = (contributions().commands ?? []).map((entry) => entry.command);
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepStrictEqual(contributed.filter((command) => !registered.has(command)), [], 'contributed but not registered');
  });

  it('contributes every azureVpn command it registers', async () => {
    const contributed = new Set((contributions().commands ?? []).map((entry) => entry.command));
    const registered = await registeredByExtension();
    assert.ok(registered.length > 0, 'the extension registered no azureVpn.* command');
    assert.deepStrictEqual(registered.filter((command) => !contributed.has(command)), [], 'registered but not contributed');
  });
});
