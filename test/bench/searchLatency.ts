// Go to Connection… over 10,000 connections in the real VS Code host: code-server with the packaged
// .vsix, discovery through Resource Graph, Chromium typing into the quick pick one key at a time.
// Measured in the page: from the keydown to the first frame whose rows all hold what was typed.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { Workbench } from '../e2e/support/workbench';
import { launchBrowser, openPage, waitForWorkbench } from '../host/browser';
import { startCodeServer, type CodeServer } from '../host/codeServer';
import { emulatorEnvironment, emulatorSettings } from '../host/extensionSetup';
import { startEmulatorProcess } from './emulatorProcess';

/** 50 × 25 × 2 × 4 = 10,000 connections. */
export const searchFleet = '50x25x2x4';
/** Typed one key at a time; every key narrows the list (a gateway's name is in each row's detail). */
const typed = 'vgw-12-2';

export interface SearchLatency {
  connections: number;
  /** Keydown → the first frame showing only rows that hold what was typed, per key, in ms. */
  perKey: number[];
}

/**
 * Runs in the page (a string: this project compiles without the DOM's types). Arms it for one key:
 * window.keyToListMs resolves with the time from that key's keydown to the first frame in which every
 * row the quick pick shows holds what has been typed so far.
 */
function armForKey(typedSoFar: string): string {
  return `(() => {
    const typed = ${JSON.stringify(typedSoFar.toLowerCase())};
    window.keyToListMs = new Promise((resolve) => {
      let pressed;
      const check = () => {
        const rows = [...document.querySelectorAll('.quick-input-widget .monaco-list-row')];
        if (rows.length > 0 && rows.every((row) => row.textContent.toLowerCase().includes(typed))) resolve(performance.now() - pressed);
        else if (performance.now() - pressed > 5000) resolve(Number.NaN);
        else requestAnimationFrame(check);
      };
      document.addEventListener('keydown', () => {
        pressed = performance.now();
        requestAnimationFrame(check);
      }, { capture: true, once: true });
    });
  })()`;
}

async function typeAndMeasure(page: Page): Promise<number[]> {
  const perKey: number[] = [];
  for (let i = 0; i < typed.length; i++) {
    await page.evaluate(armForKey(typed.slice(0, i + 1)));
    await page.keyboard.type(typed[i]);
    perKey.push(await page.evaluate<number>('window.keyToListMs'));
  }
  return perKey;
}

export async function measureSearch(vsix: string): Promise<SearchLatency> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'azvpn-bench-search-'));
  const emulator = await startEmulatorProcess({ fleet: searchFleet });
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startCodeServer({
      name: 'bench-search',
      folder: scratch,
      installVsix: vsix,
      exitWhenIdleSeconds: 120,
      env: emulatorEnvironment(emulator.info),
      settings: { ...emulatorSettings(emulator.info), 'azureVpn.discovery': 'resourceGraph' },
    });
    browser = await launchBrowser();
    const { page } = await openPage(browser, server.workbenchUrl(), async () => undefined);
    await waitForWorkbench(page);
    const workbench = new Workbench(page, 'bench-search');
    await workbench.openAzureVpn();
    await workbench.treeItem('Fleet subscription 001').waitFor({ timeout: 60_000 });
    await workbench.runCommand('Azure VPN: Go to Connection…');
    await workbench.quickPickRows().filter({ hasText: 'Fleet subscription' }).first().waitFor({ timeout: 60_000 });
    const perKey = await typeAndMeasure(page);
    if (perKey.some((ms) => Number.isNaN(ms))) throw new Error(`a key did not change the list: ${JSON.stringify(perKey)}`);
    await workbench.step('typed');
    return { connections: 10_000, perKey };
  } finally {
    await browser?.close();
    await server?.stop();
    await emulator.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
