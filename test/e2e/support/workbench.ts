// What a user does in the VS Code window, as Playwright steps: open the Azure VPN view, expand
// tree items, use context menus, quick inputs, dialogs and notifications, read the clipboard.
// Every step can leave a screenshot in test-results/.
import type { Locator, Page } from 'playwright-core';
import { screenshot, waitForWorkbench } from '../../host/browser';

const uiTimeoutMs = 20_000;
const sideBarWidth = 560;
const menuArmsAfterMs = 250;
/** Set on the toasts already on screen before an action, so waiting for a toast means a new one. */
const seenToast = 'data-test-seen';

export class Workbench {
  private steps = 0;

  constructor(
    readonly page: Page,
    /** Prefix of this test's screenshots. */
    private readonly name: string,
  ) {}

  /** Saves test-results/<name>-<n>-<step>.png, with `mask` covered. */
  async step(step: string, mask: Locator[] = []): Promise<string> {
    this.steps += 1;
    return screenshot(this.page, `${this.name}-${String(this.steps).padStart(2, '0')}-${step}`, mask);
  }

  activityBarTab(title: string): Locator {
    return this.page.locator('.part.activitybar').getByRole('tab', { name: title });
  }

  /** Opens the "Azure VPN" container (so titled in English) from the activity bar (a second click would close it), wide enough to read. */
  async openAzureVpn(containerTitle = 'Azure VPN'): Promise<void> {
    const tab = this.activityBarTab(containerTitle);
    await tab.waitFor({ timeout: uiTimeoutMs });
    const title = this.sideBarTitle().filter({ hasText: containerTitle });
    const deadline = Date.now() + uiTimeoutMs;
    // After a reload VS Code restores the last container a moment later: a click just before would close it again.
    while (!(await title.isVisible())) {
      if (Date.now() > deadline) throw new Error(`The Azure VPN side bar did not open within ${uiTimeoutMs / 1000} s.`);
      if ((await tab.getAttribute('aria-selected')) !== 'true' || !(await this.page.locator('.part.sidebar').isVisible())) await tab.click();
      await this.page.waitForTimeout(500);
    }
    await this.setSideBarWidth(sideBarWidth);
  }

  /** Drags the sash on the side bar's right edge, as a user widens it to read the connections' descriptions. */
  async setSideBarWidth(width: number): Promise<void> {
    const box = await this.page.locator('.part.sidebar').boundingBox();
    if (!box) throw new Error('The side bar is not visible.');
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + width, y, { steps: 5 });
    await this.page.mouse.up();
    await this.movePointerAway();
  }

  /** Parks the pointer over the empty editor area: where it was would leave a hover tooltip over the next screenshot. */
  private async movePointerAway(): Promise<void> {
    const box = await this.page.locator('.part.sidebar').boundingBox();
    if (box) await this.page.mouse.move(box.x + box.width + 200, box.y + box.height - 50);
  }

  /** The side bar's title; a container with a single view reads "Container: View". */
  sideBarTitle(): Locator {
    return this.page.locator('.part.sidebar .composite.title');
  }

  /** The welcome view shown instead of the tree (signed out). */
  welcomeView(): Locator {
    return this.page.locator('.part.sidebar .welcome-view-content');
  }

  sideBarButton(label: string): Locator {
    return this.page.locator('.part.sidebar').getByRole('button', { name: label, exact: true });
  }

  treeItems(): Locator {
    return this.page.locator('.part.sidebar').getByRole('treeitem');
  }

  /** A row of the tree whose accessible name contains `name` (a string matches case-insensitively). */
  treeItem(name: string | RegExp): Locator {
    return this.page.locator('.part.sidebar').getByRole('treeitem', { name }).first();
  }

  /** Waits until the connection's row reads `text` (its description: status, activity, held key). */
  async rowShows(connection: string, text: string | RegExp, timeoutMs = 30_000): Promise<void> {
    await this.treeItem(connection).filter({ hasText: text }).waitFor({ timeout: timeoutMs });
  }

  /** Expands a tree item (if collapsed) and waits until its children are shown. */
  async expand(name: string | RegExp): Promise<Locator> {
    const item = this.treeItem(name);
    await item.waitFor({ timeout: uiTimeoutMs });
    if ((await item.getAttribute('aria-expanded')) !== 'false') return item;
    const childLevel = this.treeItems().and(this.page.locator(`[aria-level="${Number(await item.getAttribute('aria-level')) + 1}"]`));
    const before = await childLevel.count();
    await item.click();
    await item.and(this.page.locator('[aria-expanded="true"]')).waitFor({ timeout: uiTimeoutMs });
    // Children load asynchronously; every level of this tree shows at least a message item.
    const deadline = Date.now() + uiTimeoutMs;
    while ((await childLevel.count()) <= before) {
      if (Date.now() > deadline) throw new Error(`The tree item "${name}" shows no children after ${uiTimeoutMs / 1000} s.`);
      await this.page.waitForTimeout(100);
    }
    return item;
  }

  /** Expands each item of `path` in turn (subscription → group → gateway) and returns the last. */
  async expandPath(...path: Array<string | RegExp>): Promise<Locator> {
    let item: Locator | undefined;
    for (const name of path) item = await this.expand(name);
    if (!item) throw new Error('expandPath needs at least one tree item name');
    return item;
  }

  contextMenuItem(label: string): Locator {
    return this.page.locator('.context-view .action-label').filter({ hasText: new RegExp(`^${escapeRegExp(label)}$`) });
  }

  /** Right-clicks the tree item and chooses `menuItem` in its context menu. */
  async contextMenu(item: string | RegExp, menuItem: string): Promise<void> {
    const row = this.treeItem(item);
    await row.click({ button: 'right', timeout: uiTimeoutMs });
    const entry = this.contextMenuItem(menuItem);
    await entry.waitFor({ timeout: uiTimeoutMs });
    await this.step(`menu-${menuItem}`);
    await this.markToastsSeen();
    await entry.hover();
    // VS Code's menu ignores mouse-up for its first 100 ms (so the right-click's own release picks nothing).
    await this.page.waitForTimeout(menuArmsAfterMs);
    await entry.click();
    await this.movePointerAway();
  }

  quickInput(): Locator {
    return this.page.locator('.quick-input-widget input');
  }

  /** Waits for the quick input (input box or quick pick), replaces its text, and presses Enter unless told not to. */
  async typeInQuickInput(text: string, options: { submit?: boolean } = {}): Promise<void> {
    const input = this.quickInput();
    await input.waitFor({ state: 'visible', timeout: uiTimeoutMs });
    await input.fill(text);
    if (options.submit ?? true) {
      await this.markToastsSeen();
      await input.press('Enter');
    }
  }

  /** The validation message under the quick input, e.g. why a key length is refused. */
  quickInputMessage(): Locator {
    return this.page.locator('.quick-input-widget .quick-input-message');
  }

  /** A button of the open quick input: in its title bar (e.g. "Generate…") or on one of its rows (e.g. "Reveal"). */
  quickInputButton(label: string): Locator {
    return this.page.locator('.quick-input-widget').getByRole('button', { name: label, exact: true }).first();
  }

  /** The Back arrow a wizard step shows at the left of its title. */
  quickInputBack(): Locator {
    return this.page.locator('.quick-input-widget .quick-input-left-action-bar .action-label').first();
  }

  /** The rows of the open quick pick. */
  quickPickRows(): Locator {
    return this.page.locator('.quick-input-widget .monaco-list-row');
  }

  /** Chooses a row of an open quick pick by its label. */
  async pick(label: string | RegExp): Promise<void> {
    const row = this.page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: label }).first();
    await row.waitFor({ timeout: uiTimeoutMs });
    await this.markToastsSeen();
    await row.click();
  }

  /** The modal dialog on screen: its message, detail and buttons. */
  dialog(): Locator {
    return this.page.locator('.monaco-dialog-box');
  }

  /** A modal dialog's button (e.g. "Reset Key", "Delete"). */
  dialogButton(label: string): Locator {
    return this.dialog().getByRole('button', { name: label, exact: true });
  }

  async answerDialog(label: string): Promise<void> {
    const button = this.dialogButton(label);
    await button.waitFor({ timeout: uiTimeoutMs });
    await this.step(`dialog-${label}`);
    await this.markToastsSeen();
    await button.click();
  }

  /** Notification toasts on screen with this text, the ones shown before the last action included. */
  toast(text: string | RegExp): Locator {
    return this.page.locator('.notifications-toasts .notification-toast').filter({ hasText: text });
  }

  /** Waits for a toast that appeared since the last action (contextMenu, typeInQuickInput, answerDialog…). */
  async waitForToast(text: string | RegExp, timeoutMs = uiTimeoutMs): Promise<Locator> {
    const toast = this.page.locator(`.notifications-toasts .notification-toast:not([${seenToast}])`).filter({ hasText: text }).first();
    await toast.waitFor({ state: 'visible', timeout: timeoutMs });
    return toast;
  }

  /** Waits until no toast with this text is on screen (e.g. a progress notification has finished). */
  async waitForToastGone(text: string | RegExp, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.toast(text).filter({ visible: true }).count()) > 0) {
      if (Date.now() > deadline) throw new Error(`The notification "${text}" was still shown after ${timeoutMs / 1000} s.`);
      await this.page.waitForTimeout(100);
    }
  }

  /** A button of a toast that appeared since the last action, e.g. "Copy new key". */
  async clickToastButton(text: string | RegExp, button: string): Promise<void> {
    const toast = await this.waitForToast(text);
    // Held by handle: once marked as seen, the toast no longer matches its own locator.
    const target = await toast.getByRole('button', { name: button, exact: true }).elementHandle({ timeout: uiTimeoutMs });
    await this.markToastsSeen();
    await target.click();
  }

  private async markToastsSeen(): Promise<void> {
    await this.page
      .locator('.notifications-toasts .notification-toast')
      .evaluateAll((toasts, attribute) => toasts.forEach((toast) => toast.setAttribute(attribute, '')), seenToast);
  }

  /** The text on the system clipboard, as the page reads it (the context was granted clipboard-read). */
  readClipboard(): Promise<string> {
    return this.page.evaluate<string>('navigator.clipboard.readText()');
  }

  /** Puts text on the clipboard, as if the user had copied it elsewhere. */
  async writeClipboard(text: string): Promise<void> {
    await this.page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(text)})`);
  }

  /** Waits until the clipboard no longer holds `previous` (a copy has landed) and returns what it holds now. */
  async clipboardChangedFrom(previous: string): Promise<string> {
    const deadline = Date.now() + uiTimeoutMs;
    for (;;) {
      const text = await this.readClipboard();
      if (text !== previous) return text;
      if (Date.now() > deadline) throw new Error(`Nothing was copied to the clipboard within ${uiTimeoutMs / 1000} s.`);
      await this.page.waitForTimeout(100);
    }
  }

  /** Reloads the window (as "Developer: Reload Window" does): a new extension host, the same browser storage. */
  async reload(): Promise<void> {
    await this.page.reload();
    await waitForWorkbench(this.page);
  }

  /** Clears every notification, so the next screenshots show only what comes next. */
  async clearNotifications(): Promise<void> {
    await this.runCommand('Notifications: Clear All Notifications');
    await this.page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'hidden', timeout: uiTimeoutMs });
  }

  /** Runs a command from the palette by its title, e.g. "Azure VPN: Refresh". */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.typeInQuickInput(`>${title}`, { submit: false });
    await this.pick(title);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
