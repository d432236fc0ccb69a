// Every question the extension asks and every message it shows goes through this one interface,
// so integration tests can script the answers (test/integration/support/testUserInput.ts).
import * as vscode from 'vscode';
import { GoBackError } from './cancelled';
import type { PickItem } from './pickerItems';
import { filterByWords, searchTextOf } from './wordFilter';

export interface InputButtonSpec {
  id: string;
  tooltip: string;
  /** A codicon id. */
  icon: string;
}

export interface TextPrompt {
  title: string;
  prompt?: string;
  placeHolder?: string;
  value?: string;
  password?: boolean;
  /** Runs on every keystroke; the returned reason is shown under the box and blocks Enter. */
  validate?: (value: string) => string | undefined;
  buttons?: InputButtonSpec[];
  /** A wizard step after the first: a Back button, which makes the prompt throw GoBackError. */
  canGoBack?: boolean;
}

/** What the user did in an input box: typed a valid value and pressed Enter, or pressed one of its buttons. */
export type TextAnswer = { value: string } | { button: string };

export interface PickPrompt {
  title: string;
  placeHolder: string;
  /**
   * A long list (thousands of items): typing filters here, on every word in the label, description or detail,
   * and at most this many matching items are shown at once (the title says how many match).
   */
  shownAtOnce?: number;
  /** A wizard step after the first: a Back button, which makes the prompt throw GoBackError. */
  canGoBack?: boolean;
}

export type MessageSeverity = 'info' | 'warning' | 'error';

export interface MessageOptions {
  /** A modal dialog; the user must answer before doing anything else. */
  modal?: boolean;
  detail?: string;
}

export interface SharedKeyPrompt {
  title: string;
  sharedKey: string;
  copy(): Promise<void>;
}

/** A long operation: `report` says what is happening now; `stopWaiting` fires when the user cancels. */
export type ProgressTask<T> = (report: (message: string) => void, stopWaiting: AbortSignal) => Promise<T>;

export interface UserInput {
  askText(prompt: TextPrompt): Promise<TextAnswer | undefined>;
  pickOne<T>(items: PickItem<T>[], prompt: PickPrompt): Promise<T | undefined>;
  pickMany<T>(items: PickItem<T>[], prompt: PickPrompt): Promise<T[] | undefined>;
  /** Resolves to the action the user chose, or undefined when dismissed. */
  showMessage(severity: MessageSeverity, message: string, options: MessageOptions, ...actions: string[]): Promise<string | undefined>;
  /** Shows a shared key masked, with a way to reveal it and to copy it; nothing is written anywhere. */
  showSharedKey(prompt: SharedKeyPrompt): Promise<void>;
  /** A cancellable progress notification; cancelling means "stop waiting", not "undo". */
  showProgress<T>(title: string, task: ProgressTask<T>): Promise<T>;
}

class VsCodeUserInput implements UserInput {
  askText(prompt: TextPrompt): Promise<TextAnswer | undefined> {
    const box = vscode.window.createInputBox();
    box.title = prompt.title;
    box.prompt = prompt.prompt;
    box.placeholder = prompt.placeHolder;
    box.value = prompt.value ?? '';
    box.password = prompt.password ?? false;
    box.ignoreFocusOut = true;
    const buttons = (prompt.buttons ?? []).map((button) => ({ iconPath: new vscode.ThemeIcon(button.icon), tooltip: button.tooltip }));
    // A typed key can be checked before it is sent: the eye shows it, and hides it again.
    const showKey = { iconPath: new vscode.ThemeIcon('eye'), tooltip: vscode.l10n.t('Show what you typed') };
    const hideKey = { iconPath: new vscode.ThemeIcon('eye-closed'), tooltip: vscode.l10n.t('Hide what you typed') };
    const showButtons = () => {
      const toggle = prompt.password ? [box.password ? showKey : hideKey] : [];
      box.buttons = [...(prompt.canGoBack ? [vscode.QuickInputButtons.Back] : []), ...toggle, ...buttons];
    };
    showButtons();
    const validate = () => {
      box.validationMessage = prompt.validate?.(box.value);
    };
    // Nothing typed yet is not a mistake: the reason shows once there is something to judge.
    if (box.value) validate();
    return new Promise((resolve, reject) => {
      const disposables = [
        box.onDidChangeValue(validate),
        box.onDidAccept(() => {
          validate();
          if (!box.validationMessage) {
            finish({ value: box.value });
          }
        }),
        box.onDidTriggerButton((pressed) => {
          if (pressed === vscode.QuickInputButtons.Back) {
            finish(undefined, new GoBackError());
            return;
          }
          if (pressed === showKey || pressed === hideKey) {
            box.password = pressed === hideKey;
            showButtons();
            return;
          }
          const button = prompt.buttons?.[buttons.indexOf(pressed as (typeof buttons)[number])];
          if (button) {
            finish({ button: button.id });
          }
        }),
        box.onDidHide(() => finish(undefined)),
      ];
      let finished = false;
      function finish(answer: TextAnswer | undefined, error?: Error) {
        if (finished) return;
        finished = true;
        disposables.forEach((disposable) => disposable.dispose());
        box.dispose();
        if (error) reject(error);
        else resolve(answer);
      }
      box.show();
    });
  }

  pickOne<T>(items: PickItem<T>[], prompt: PickPrompt): Promise<T | undefined> {
    const picker = vscode.window.createQuickPick<PickItem<T> & vscode.QuickPickItem>();
    picker.title = prompt.title;
    picker.placeholder = prompt.placeHolder;
    picker.matchOnDescription = true;
    // Filtering here, VS Code only highlights what matches in the items shown.
    picker.matchOnDetail = prompt.shownAtOnce !== undefined;
    picker.ignoreFocusOut = true;
    const filtering = prompt.shownAtOnce === undefined ? undefined : filterHere(picker, items, prompt.title, prompt.shownAtOnce);
    if (!filtering) picker.items = items;
    picker.buttons = prompt.canGoBack ? [vscode.QuickInputButtons.Back] : [];
    return new Promise((resolve, reject) => {
      let finished = false;
      const finish = (value: T | undefined, error?: Error) => {
        if (finished) return;
        finished = true;
        disposables.forEach((disposable) => disposable.dispose());
        picker.dispose();
        if (error) reject(error);
        else resolve(value);
      };
      const disposables = [
        picker.onDidAccept(() => {
          const item = picker.selectedItems[0] ?? picker.activeItems[0];
          if (item) finish(item.value);
        }),
        picker.onDidTriggerButton(() => finish(undefined, new GoBackError())),
        picker.onDidHide(() => finish(undefined)),
        ...(filtering ? [filtering] : []),
      ];
      picker.show();
    });
  }

  async pickMany<T>(items: PickItem<T>[], prompt: PickPrompt): Promise<T[] | undefined> {
    const chosen = await vscode.window.showQuickPick(items, {
      title: prompt.title,
      placeHolder: prompt.placeHolder,
      canPickMany: true,
      matchOnDescription: true,
      ignoreFocusOut: true,
    });
    return chosen?.map((item) => item.value);
  }

  async showMessage(severity: MessageSeverity, message: string, options: MessageOptions, ...actions: string[]) {
    const show =
      severity === 'error'
        ? vscode.window.showErrorMessage
        : severity === 'warning'
          ? vscode.window.showWarningMessage
          : vscode.window.showInformationMessage;
    return show(message, { modal: options.modal, detail: options.detail }, ...actions);
  }

  showSharedKey(prompt: SharedKeyPrompt): Promise<void> {
    return showSharedKeyPicker(prompt);
  }

  async showProgress<T>(title: string, task: ProgressTask<T>): Promise<T> {
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      async (progress, token) => {
        const stop = new AbortController();
        const cancelled = token.onCancellationRequested(() => stop.abort());
        try {
          return await task((message) => progress.report({ message }), stop.signal);
        } finally {
          cancelled.dispose();
        }
      },
    );
  }
}

/** The picker shows the first matches of what is typed, filtered here; VS Code's own filter lets them all through. */
function filterHere<T>(picker: vscode.QuickPick<PickItem<T> & vscode.QuickPickItem>, items: PickItem<T>[], title: string, limit: number): vscode.Disposable {
  const texts = items.map(searchTextOf);
  const show = (query: string) => {
    const { shown, matching } = filterByWords(items, texts, query, limit);
    picker.items = shown.map((item) => ({ ...item, alwaysShow: true }));
    picker.title = matching > shown.length ? vscode.l10n.t({ message: '{0} ({1} of {2} shown: type to narrow)', args: [title, shown.length, matching], comment: ['{0} is the picker\'s title; {1} items of the {2} that match are shown'] }) : title;
  };
  show('');
  return picker.onDidChangeValue(show);
}

const masked = '•'.repeat(12);

/** A one-item quick pick: the key masked, with Reveal/Hide and Copy buttons; Enter copies. */
function showSharedKeyPicker(prompt: SharedKeyPrompt): Promise<void> {
  const revealButton = { iconPath: new vscode.ThemeIcon('eye'), tooltip: vscode.l10n.t('Reveal') };
  const hideButton = { iconPath: new vscode.ThemeIcon('eye-closed'), tooltip: vscode.l10n.t({ message: 'Hide', comment: ['A button that masks the shared key again'] }) };
  const copyButton = { iconPath: new vscode.ThemeIcon('copy'), tooltip: vscode.l10n.t({ message: 'Copy', comment: ['A button that copies the shared key to the clipboard'] }) };
  const picker = vscode.window.createQuickPick<vscode.QuickPickItem>();
  picker.title = prompt.title;
  picker.placeholder = vscode.l10n.t('Press Enter to copy the key, or use the buttons to reveal or copy it');
  picker.matchOnDescription = false;
  let revealed = false;
  const render = () => {
    picker.items = [
      {
        label: revealed ? prompt.sharedKey : masked,
        description: vscode.l10n.t({ message: '{0} characters', args: [prompt.sharedKey.length], comment: ['The length of the shared key'] }),
        buttons: [revealed ? hideButton : revealButton, copyButton],
        alwaysShow: true,
      },
    ];
  };
  render();
  return new Promise((resolve) => {
    const disposables = [
      picker.onDidTriggerItemButton(async (event) => {
        if (event.button === copyButton) {
          await prompt.copy();
          return;
        }
        revealed = !revealed;
        render();
      }),
      picker.onDidAccept(async () => {
        await prompt.copy();
        picker.hide();
      }),
      picker.onDidHide(() => {
        disposables.forEach((disposable) => disposable.dispose());
        picker.dispose();
        resolve();
      }),
    ];
    picker.show();
  });
}

export const vscodeUserInput: UserInput = new VsCodeUserInput();
