// Debian's Chromium, driven by playwright-core, showing the code-server workbench.
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { chromiumPath } from './installer';
import { testResultsDir } from './paths';

/** What Chromium needs on these machines: root without a sandbox, no GPU, no calls home. */
export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const workbenchTimeoutMs = 60_000;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: chromiumFlags,
    headless: true,
    timeout: 30_000,
    // Our runners stop everything on a signal, in order; Playwright would otherwise exit first.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

/**
 * A new window on `url`, allowed to read and write the clipboard (as a user who clicked "Allow").
 * `beforeLoad` runs before the page loads, e.g. to expose functions the page calls early.
 */
export async function openPage(
  browser: Browser,
  url: string,
  beforeLoad?: (page: Page) => Promise<void>,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  const page = await context.newPage();
  await beforeLoad?.(page);
  await page.goto(url, { timeout: workbenchTimeoutMs });
  return { context, page };
}

/** Waits until the workbench shows its activity bar: VS Code has loaded and connected to the server. */
export async function waitForWorkbench(page: Page): Promise<void> {
  try {
    await page.locator('.monaco-workbench .activitybar').first().waitFor({ state: 'visible', timeout: workbenchTimeoutMs });
  } catch (error) {
    const shot = await screenshot(page, 'workbench-did-not-load').catch(() => 'no screenshot');
    throw new Error(`The VS Code workbench did not appear within ${workbenchTimeoutMs / 1000} s (${shot}): ${(error as Error).message}`);
  }
}

/** Saves `test-results/<name>.png` and returns its path; `mask` covers what must not be in a picture (a key). */
export async function screenshot(page: Page, name: string, mask: Locator[] = []): Promise<string> {
  fs.mkdirSync(testResultsDir, { recursive: true });
  const file = path.join(testResultsDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  // Menus and toasts fade and slide in: show them where they end up.
  await page.screenshot({ path: file, timeout: 15_000, animations: 'disabled', mask });
  return file;
}

/** Keeps every page console message (the workbench's Developer Tools output) in `file`, one per line. */
export function recordConsole(page: Page, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '');
  page.on('console', (message) => fs.appendFileSync(file, `[${message.type()}] ${message.text()}\n`));
}
