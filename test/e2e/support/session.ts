// One end-to-end test's world: the emulator (unless signed out), a fresh code-server with the
// packaged extension installed and pointed at the emulator, and a Chromium window on its workbench.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { startEmulator } from '../../emulator/server';
import type { EmulatorOptions } from '../../emulator/types';
import { launchBrowser, openPage, recordConsole, screenshot, waitForWorkbench } from '../../host/browser';
import { startCodeServer, type CodeServer } from '../../host/codeServer';
import { emulatorEnvironment, emulatorSettings, noAzureCredentials } from '../../host/extensionSetup';
import { testResultsDir } from '../../host/paths';
import { filesUnder } from './keySearch';
import { installPseudoTranslation, pseudoLocale } from './pseudoLocale';
import { packageExtension } from './vsix';
import { Workbench } from './workbench';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

export interface SessionOptions {
  /** Prefix of the screenshots, e.g. "reset-shared-key". */
  name: string;
  /** Default: the emulator's default data with 1.5 s long-running operations, so progress shows. */
  emulator?: EmulatorOptions;
  /** No emulator and no AZURE_* variables: the extension finds no credential. */
  signedOut?: boolean;
  /** User settings on top of those pointing at the emulator. */
  settings?: Record<string, unknown>;
  /** VS Code's display language; `qps-ploc` installs the pseudo-translation first (support/pseudoLocale.ts). */
  locale?: string;
}

export interface Session {
  /** Undefined when signed out. */
  emulator?: Emulator;
  server: CodeServer;
  browser: Browser;
  workbench: Workbench;
  /** Every message of the page console (the workbench's Developer Tools output), one per line. */
  consoleLog: string;
  /** Everything the extension wrote to its "Azure VPN" log channel so far. */
  extensionLog(): string;
  /** Stops everything; keeps VS Code's logs (and a last screenshot) when the test failed. */
  stop(failed?: boolean): Promise<void>;
}

export async function startSession(options: SessionOptions): Promise<Session> {
  const undo: Array<(failed: boolean) => Promise<void>> = [];
  const stop = async (failed = false): Promise<void> => {
    for (const step of undo.splice(0).reverse()) {
      await step(failed).catch((error) => console.error(`Clean-up failed: ${(error as Error).message}`));
    }
  };
  try {
    const vsix = await packageExtension();
    const emulator = options.signedOut ? undefined : await startEmulator({ lroMs: 1500, updatingMs: 1500, quiet: true, ...options.emulator });
    if (emulator) undo.push(async () => emulator.close());

    // A plain folder name, as it shows in the window title of every screenshot.
    const workspaceParent = fs.mkdtempSync(path.join(os.tmpdir(), 'azvpn-e2e-'));
    const workspace = path.join(workspaceParent, 'network-configs');
    fs.mkdirSync(workspace);
    undo.push(async () => fs.rmSync(workspaceParent, { recursive: true, force: true }));

    const server = await startCodeServer({
      name: `e2e-${options.name}`,
      folder: workspace,
      installVsix: vsix,
      exitWhenIdleSeconds: 120,
      env: emulator ? emulatorEnvironment(emulator.info) : noAzureCredentials,
      settings: {
        ...(emulator ? emulatorSettings(emulator.info) : { 'azureVpn.authentication': 'environment' }),
        'azureVpn.clipboardClearSeconds': 2,
        ...options.settings,
      },
      locale: options.locale,
      prepare: options.locale === pseudoLocale ? installPseudoTranslation : undefined,
    });
    undo.push(async (failed) => {
      await server.stop({ keepFiles: failed });
      if (failed) console.error(`    VS Code's logs are kept in ${server.logsDir}`);
    });

    const browser = await launchBrowser();
    undo.push(() => browser.close());
    const consoleLog = path.join(testResultsDir, `${options.name}-console.log`);
    const { page } = await openPage(browser, server.workbenchUrl(), async (newPage) => recordConsole(newPage, consoleLog));
    undo.push(async (failed) => {
      if (failed) await screenshot(page, `${options.name}-failed`).catch(() => undefined);
    });
    await waitForWorkbench(page);
    const extensionLog = (): string =>
      filesUnder(server.logsDir)
        .filter((file) => file.endsWith(`${path.sep}Azure VPN.log`))
        .map((file) => fs.readFileSync(file, 'utf8'))
        .join('\n');
    return { emulator, server, browser, workbench: new Workbench(page, options.name), consoleLog, extensionLog, stop };
  } catch (error) {
    await stop(true);
    throw error;
  }
}

/** In an `after` hook: whether a test of this suite failed (then logs and a last screenshot are kept). */
export function suiteFailed(context: Mocha.Context): boolean {
  return context.test?.parent?.tests.some((test) => test.state === 'failed') ?? false;
}
