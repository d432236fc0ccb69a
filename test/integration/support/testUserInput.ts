// Scripted answers for every prompt the extension shows (src/ui/userInput.ts), for tests in the
// extension host. Answers are queued per prompt and matched by a substring of its title,
// placeholder, prompt or message. A prompt nobody scripted throws (failing the command and, through
// assertNoUnexpectedPrompts, the test) instead of waiting for a click that never comes.
// Keys never reach test output: typed values are not recorded, revealed keys are kept apart.
import { GoBackError } from '../../../src/ui/cancelled';
import type { PickItem } from '../../../src/ui/pickerItems';
import type {
  MessageOptions,
  MessageSeverity,
  PickPrompt,
  ProgressTask,
  SharedKeyPrompt,
  TextAnswer,
  TextPrompt,
  UserInput,
} from '../../../src/ui/userInput';

type Answer =
  | { kind: 'text'; match: string; typed: string[] }
  | { kind: 'button'; match: string; button: string }
  | { kind: 'pick'; match: string; labels: string[] }
  | { kind: 'message'; match: string; action: string | undefined }
  | { kind: 'sharedKey'; match: string; reveal: boolean; copy: boolean }
  | { kind: 'dismiss'; match: string }
  | { kind: 'back'; match: string }
  | { kind: 'stopWaiting'; match: string; when: string };

export interface ShownMessage {
  severity: MessageSeverity;
  message: string;
  modal: boolean;
  detail?: string;
  actions: string[];
}

export interface ShownProgress {
  title: string;
  /** Every "what is happening now" line, in order. */
  steps: string[];
  /** The test pressed Cancel ("stop waiting"). */
  stopped: boolean;
}

export class UnexpectedPromptError extends Error {}

export class TestUserInput implements UserInput {
  private readonly queue: Answer[] = [];
  /** The title of every question asked, in order. */
  readonly prompts: string[] = [];
  readonly messages: ShownMessage[] = [];
  readonly progress: ShownProgress[] = [];
  /** The labels (and descriptions) each quick pick offered, by its title. */
  readonly offered: { title: string; labels: string[]; descriptions: (string | undefined)[] }[] = [];
  /** What validateInput said for each typed value, in order (undefined = accepted). */
  readonly validationMessages: (string | undefined)[] = [];
  readonly unexpectedPrompts: string[] = [];
  /** Keys shown by View Shared Key after Reveal. Compare them; never print them. */
  readonly revealedKeys: string[] = [];

  /** Types each value in turn into the matching input box; Enter on the first the box accepts, Escape if none. */
  type(match: string, ...typed: string[]): this {
    this.queue.push({ kind: 'text', match, typed });
    return this;
  }

  /** Presses a button (by id) of the matching input box. */
  press(match: string, button: string): this {
    this.queue.push({ kind: 'button', match, button });
    return this;
  }

  /** Picks the items with these labels in the matching quick pick (one for a single pick). */
  pick(match: string, ...labels: string[]): this {
    this.queue.push({ kind: 'pick', match, labels });
    return this;
  }

  /** Answers the matching message with one of its actions (undefined: closes it). */
  choose(match: string, action: string | undefined): this {
    this.queue.push({ kind: 'message', match, action });
    return this;
  }

  /** Closes the matching prompt with Escape. */
  dismiss(match: string): this {
    this.queue.push({ kind: 'dismiss', match });
    return this;
  }

  /** Presses Back in the matching wizard step (the prompt must offer it). */
  back(match: string): this {
    this.queue.push({ kind: 'back', match });
    return this;
  }

  /** In View Shared Key: reveal the key (recorded in revealedKeys) and/or copy it. */
  showKey(match: string, actions: { reveal?: boolean; copy?: boolean }): this {
    this.queue.push({ kind: 'sharedKey', match, reveal: !!actions.reveal, copy: !!actions.copy });
    return this;
  }

  /** Cancels the matching progress notification as soon as it reports a step containing `when`. */
  stopWaiting(match: string, when: string): this {
    this.queue.push({ kind: 'stopWaiting', match, when });
    return this;
  }

  /** Throws when a prompt came that no answer was queued for, or a queued answer was never used. */
  assertAllAnswered(): void {
    if (this.unexpectedPrompts.length) {
      throw new Error(`Unexpected prompts: ${this.unexpectedPrompts.join(' | ')}`);
    }
    if (this.queue.length) {
      throw new Error(`Answers never asked for: ${this.queue.map((answer) => `${answer.kind} "${answer.match}"`).join(', ')}`);
    }
  }

  messagesLike(pattern: RegExp): ShownMessage[] {
    return this.messages.filter((shown) => pattern.test(shown.message));
  }

  async askText(prompt: TextPrompt): Promise<TextAnswer | undefined> {
    const text = [prompt.title, prompt.placeHolder, prompt.prompt].filter(Boolean).join(' | ');
    const answer = this.take(text, ['text', 'button', 'dismiss', 'back']);
    if (answer.kind === 'back') {
      throw this.goBack(text, prompt.canGoBack);
    }
    if (answer.kind === 'button') {
      if (!prompt.buttons?.some((button) => button.id === answer.button)) {
        throw this.unexpected(`button "${answer.button}" is not on the input box "${text}"`);
      }
      return { button: answer.button };
    }
    if (answer.kind !== 'text') {
      return undefined;
    }
    for (const value of answer.typed) {
      const reason = prompt.validate?.(value);
      this.validationMessages.push(reason);
      if (reason === undefined) {
        return { value };
      }
    }
    return undefined;
  }

  async pickOne<T>(items: PickItem<T>[], prompt: PickPrompt): Promise<T | undefined> {
    const chosen = this.pickFrom(items, prompt, false);
    return chosen?.[0];
  }

  async pickMany<T>(items: PickItem<T>[], prompt: PickPrompt): Promise<T[] | undefined> {
    return this.pickFrom(items, prompt, true);
  }

  async showMessage(severity: MessageSeverity, message: string, options: MessageOptions, ...actions: string[]): Promise<string | undefined> {
    this.messages.push({ severity, message, modal: !!options.modal, detail: options.detail, actions });
    const index = this.queue.findIndex((answer) => (answer.kind === 'message' || answer.kind === 'dismiss') && message.includes(answer.match));
    if (index < 0) {
      if (options.modal) {
        throw this.unexpected(`modal "${message}"`);
      }
      return undefined;
    }
    const [answer] = this.queue.splice(index, 1);
    const action = answer.kind === 'message' ? answer.action : undefined;
    if (action !== undefined && !actions.includes(action)) {
      throw this.unexpected(`action "${action}" is not offered by "${message}" (offered: ${actions.join(', ') || 'none'})`);
    }
    return action;
  }

  async showSharedKey(prompt: SharedKeyPrompt): Promise<void> {
    const answer = this.take(prompt.title, ['sharedKey', 'dismiss']);
    if (answer.kind !== 'sharedKey') {
      return;
    }
    if (answer.reveal) {
      this.revealedKeys.push(prompt.sharedKey);
    }
    if (answer.copy) {
      await prompt.copy();
    }
  }

  async showProgress<T>(title: string, task: ProgressTask<T>): Promise<T> {
    const shown: ShownProgress = { title, steps: [], stopped: false };
    this.progress.push(shown);
    const index = this.queue.findIndex((answer) => answer.kind === 'stopWaiting' && title.includes(answer.match));
    const stop = index < 0 ? undefined : (this.queue.splice(index, 1)[0] as Extract<Answer, { kind: 'stopWaiting' }>);
    const controller = new AbortController();
    return task((step) => {
      shown.steps.push(step);
      if (stop && !shown.stopped && step.includes(stop.when)) {
        shown.stopped = true;
        controller.abort();
      }
    }, controller.signal);
  }

  private pickFrom<T>(items: PickItem<T>[], prompt: PickPrompt, many: boolean): T[] | undefined {
    const text = `${prompt.title} | ${prompt.placeHolder}`;
    this.offered.push({ title: prompt.title, labels: items.map((item) => item.label), descriptions: items.map((item) => item.description) });
    const answer = this.take(text, ['pick', 'dismiss', 'back']);
    if (answer.kind === 'back') {
      throw this.goBack(text, prompt.canGoBack);
    }
    if (answer.kind !== 'pick') {
      return undefined;
    }
    if (!many && answer.labels.length !== 1) {
      throw this.unexpected(`"${text}" picks one item, the test gave ${answer.labels.length}`);
    }
    return answer.labels.map((label) => {
      const item = items.find((candidate) => candidate.label === label);
      if (!item) {
        throw this.unexpected(`no item "${label}" in "${text}" (items: ${items.map((candidate) => candidate.label).join(', ')})`);
      }
      return item.value;
    });
  }

  private take<K extends Answer['kind']>(text: string, kinds: K[]): Extract<Answer, { kind: K }> {
    this.prompts.push(text);
    const index = this.queue.findIndex((answer) => (kinds as string[]).includes(answer.kind) && text.includes(answer.match));
    if (index < 0) {
      throw this.unexpected(`"${text}"`);
    }
    return this.queue.splice(index, 1)[0] as Extract<Answer, { kind: K }>;
  }

  private goBack(text: string, offered: boolean | undefined): Error {
    return offered ? new GoBackError() : this.unexpected(`Back pressed in "${text}", which has no Back button`);
  }

  private unexpected(what: string): UnexpectedPromptError {
    this.unexpectedPrompts.push(what);
    return new UnexpectedPromptError(`Unexpected prompt: ${what}`);
  }
}
