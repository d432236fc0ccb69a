// Runs the same integration suite (index.ts) in desktop VS Code through @vscode/test-electron:
// `npm run test:desktop` after `npm run build:test`. Uses the VS Code at $VSCODE_EXECUTABLE, or
// lets test-electron download one into .vscode-test/ (needs internet). Not part of `npm test`:
// these machines have neither a desktop VS Code nor internet.
import { runTests } from '@vscode/test-electron';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startEmulator } from '../emulator/server';
import { emulatorEnvironment, emulatorSettings } from '../host/extensionSetup';
import { extensionBundle, repoRoot } from '../host/paths';

async function main(): Promise<number> {
  extensionBundle();
  const emulator = await startEmulator({ lroMs: 200, updatingMs: 200, quiet: true });
  const sessionDir = fs.mkdtempSync(path.join(os.tmpdir(), 'azvpn-desktop-'));
  try {
    const userDataDir = path.join(sessionDir, 'user-data');
    const workspace = path.join(sessionDir, 'workspace');
    fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    fs.mkdirSync(workspace);
    fs.writeFileSync(
      path.join(userDataDir, 'User', 'settings.json'),
      JSON.stringify({ ...emulatorSettings(emulator.info), 'azureVpn.clipboardClearSeconds': 2, 'azureVpn.tunnelWatchSeconds': 0 }, null, 2),
    );
    return await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(__dirname, 'index.js'),
      extensionTestsEnv: emulatorEnvironment(emulator.info),
      // Our own profile folders, so the tests see only these settings and no other extension.
      reuseMachineInstall: true,
      launchArgs: [
        workspace,
        '--user-data-dir', userDataDir,
        '--extensions-dir', path.join(sessionDir, 'extensions'),
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
      ],
    });
  } finally {
    await emulator.close();
    fs.rmSync(sessionDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    const hint = process.env.VSCODE_EXECUTABLE
      ? ''
      : '\nWithout VSCODE_EXECUTABLE (the path of a desktop VS Code), test-electron downloads VS Code, which needs internet.';
    console.error(`✖ desktop integration tests: ${error.message}${hint}`);
    process.exit(1);
  },
);
