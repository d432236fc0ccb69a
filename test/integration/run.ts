// Runs the integration tests (index.ts) inside a real VS Code: code-server's extension host with
// this repository as the extension under development, driven by Chromium, against the emulator.
// Exits with the tests' exit code. `node out/test/integration/run.js` after `npm run build:test`.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { startEmulator } from '../emulator/server';
import { launchBrowser, openPage, recordConsole } from '../host/browser';
import { startCodeServer } from '../host/codeServer';
import { emulatorEnvironment, emulatorSettings } from '../host/extensionSetup';
import { extensionBundle, repoRoot, testResultsDir } from '../host/paths';
import { testOutputMarker } from '../host/testOutput';

const overallTimeoutMs = (Number(process.env.AZVPN_INTEGRATION_TIMEOUT_S) || 600) * 1000;
/** From the page load to mocha's first line: loading the workbench, the extension and the test files. */
const startTimeoutMs = 120_000;
const consoleFile = path.join(testResultsDir, 'integration-console.log');

/** Something to undo at the end, newest first. */
const cleanups: Array<(failed: boolean) => Promise<void>> = [];

async function cleanUp(failed: boolean): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup(failed).catch((error) => console.error(`Clean-up failed: ${(error as Error).message}`));
  }
}

function remoteUri(port: number, file: string): string {
  return `vscode-remote://127.0.0.1:${port}${encodeURI(file)}`;
}

/** Prints the test output from the page console and keeps every message in consoleFile. */
function forwardTestOutput(page: Page, onTestOutput: () => void): void {
  recordConsole(page, consoleFile);
  page.on('console', (message) => {
    const text = message.text();
    const at = text.indexOf(testOutputMarker);
    if (at >= 0) {
      onTestOutput();
      process.stdout.write(`${text.slice(at + testOutputMarker.length)}\n`);
    }
  });
}

/** The workbench's last error messages, without the console styling. */
function lastErrors(): string {
  if (!fs.existsSync(consoleFile)) return '';
  const errors = fs.readFileSync(consoleFile, 'utf8').split('\n').filter((line) => line.startsWith('[error]'));
  return errors
    .slice(-5)
    .map((line) => line.replace(/^\[error\] (%c\s*\w+ color: #\w+ )?/, '  '))
    .join('\n');
}

/** Resolves with the exit code VS Code reports, or rejects with the reason the tests never finished. */
function testsExitCode(page: Page, exitCode: Promise<number>, started: () => boolean): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const overall = setTimeout(
      () => reject(new Error(`the tests did not finish within ${overallTimeoutMs / 1000} s; a test or the extension hangs.`)),
      overallTimeoutMs,
    );
    const startup = setTimeout(() => {
      if (!started()) {
        reject(new Error(`the extension host did not start the tests within ${startTimeoutMs / 1000} s. Last page errors:\n${lastErrors()}`));
      }
    }, startTimeoutMs);
    page.on('crash', () => reject(new Error('the VS Code page crashed.')));
    exitCode.then(resolve, reject).finally(() => {
      clearTimeout(overall);
      clearTimeout(startup);
    });
  });
}

async function main(): Promise<number> {
  extensionBundle();
  const emulator = await startEmulator({ lroMs: 200, updatingMs: 200, quiet: true });
  cleanups.push(async () => {
    await emulator.close();
  });

  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'azvpn-integration-workspace-'));
  cleanups.push(async () => fs.rmSync(workspace, { recursive: true, force: true }));

  const server = await startCodeServer({
    name: 'integration',
    folder: workspace,
    smokeTestDriver: true,
    exitWhenIdleSeconds: 120,
    // The page console is where the workbench's Developer Tools output goes: tests may search it.
    env: { ...emulatorEnvironment(emulator.info), AZVPN_PAGE_CONSOLE_LOG: consoleFile },
    // No tunnel watch after key changes unless a test turns it on: a watch outlives the command that started it.
    settings: { ...emulatorSettings(emulator.info), 'azureVpn.clipboardClearSeconds': 2, 'azureVpn.tunnelWatchSeconds': 0 },
  });
  cleanups.push(async (failed) => {
    await server.stop({ keepFiles: failed });
    if (failed) console.error(`VS Code's logs are kept in ${server.logsDir}, code-server's output in ${server.logFile}`);
  });

  const browser = await launchBrowser();
  cleanups.push(() => browser.close());

  let reportExit: (code: number) => void = () => undefined;
  const exitCode = new Promise<number>((resolve) => (reportExit = resolve));
  let started = false;
  const url = server.workbenchUrl([
    ['extensionDevelopmentPath', remoteUri(server.port, repoRoot)],
    ['extensionTestsPath', remoteUri(server.port, path.join(__dirname, 'index.js'))],
  ]);
  const { page } = await openPage(browser, url, async (newPage) => {
    forwardTestOutput(newPage, () => (started = true));
    // The workbench calls this when the extension tests end (smoke test driver).
    await newPage.exposeFunction('codeAutomationExit', (code: number) => reportExit(code));
  });
  const code = await testsExitCode(page, exitCode, () => started);
  if (code !== 0 && !started) throw new Error(`the extension host could not run the tests (exit code ${code}). Last page errors:\n${lastErrors()}`);
  return code;
}

let stopping = false;

function stopOnSignal(signal: NodeJS.Signals): void {
  process.on(signal, () => {
    // A second signal must not exit before the first clean-up has finished.
    if (stopping) return;
    stopping = true;
    console.error(`\nintegration: ${signal}, stopping VS Code and the emulator.`);
    void cleanUp(true).finally(() => process.exit(130));
  });
}

stopOnSignal('SIGINT');
stopOnSignal('SIGTERM');

main()
  .then(async (code) => {
    await cleanUp(code !== 0);
    process.exit(code);
  })
  .catch(async (error: Error) => {
    console.error(`\n✖ integration: ${error.message}\nEvery page message is in ${consoleFile}`);
    await cleanUp(true);
    process.exit(1);
  });
