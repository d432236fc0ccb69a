// Runs the integration tests inside the VS Code extension host: VS Code calls run() when the
// window is opened with extensionTestsPath pointing here (run.ts for code-server, runDesktop.ts
// for desktop VS Code) and exits with a failure code when the promise rejects.
import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import { format } from 'util';
import * as vscode from 'vscode';
import { testOutputMarker } from '../host/testOutput';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const testTimeoutMs = Number(process.env.AZVPN_TEST_TIMEOUT_MS) || 30_000;

function testFiles(): string[] {
  return fs
    .readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => path.join(__dirname, file));
}

/** Whatever a failed test left open (a quick pick, a toast) must not answer the next test's prompt. */
async function closeLeftovers(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  await vscode.commands.executeCommand('notifications.clearAll');
}

export function run(): Promise<void> {
  // The reporter prints through this; the marker lets run.ts tell test output from workbench logs.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(testOutputMarker + format(...args));
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: testTimeoutMs,
    reporter: path.join(repoRoot, 'test', 'support', 'count-reporter.js'),
    grep: process.env.AZVPN_TEST_GREP,
  });
  mocha.rootHooks({ afterEach: closeLeftovers });
  for (const file of testFiles()) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
      else resolve();
    });
  });
}
