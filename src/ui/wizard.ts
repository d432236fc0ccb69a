// Wizards as steps: each step asks one question and says what its answer looks like; the runner
// numbers the steps it will ask ("2/6"), offers Back on every step after the first, and ends with a
// review of every answer, from which any step can be asked again. One title pattern for all:
// "<wizard title>: <step title> (n/N)". A wizard that edits what exists starts at its review instead.
// No vscode import: unit-tested in plain Node.
import * as l10n from '@vscode/l10n';
import { isGoBack, UserCancelledError } from './cancelled';
import type { UserInput } from './userInput';

export interface StepPrompt {
  /** "<wizard title>: <step title> (n/N)". */
  title: string;
  canGoBack: boolean;
}

export interface WizardStep<S> {
  /** Lower case, for the title: "shared key". */
  title: string;
  /** Asked only when true (default: always); the step numbers follow. */
  shouldAsk?(state: S): boolean;
  /** Asks and writes the answer into the state. Throws GoBackError on Back, UserCancelledError on Escape. */
  ask(state: S, prompt: StepPrompt): Promise<void>;
  /** Whether the state still holds an answer to this step (after another step was changed from the review). */
  isAnswered(state: S): boolean;
  /** The answer in the review, e.g. "Site-to-site (IPsec)". Never a secret. */
  summary(state: S): string;
}

export interface Wizard<S> {
  title: string;
  steps: WizardStep<S>[];
  /** The review's action, e.g. "Create". */
  finish: string;
  /** One line under the review's action, e.g. what will be created where. */
  finishDetail?(state: S): string;
  /** Editing what exists: every step starts answered, the review comes first, Back in a step returns to it, and steps are not numbered. */
  reviewFirst?: boolean;
}

type ReviewChoice = { finish: true } | { step: number };

/** Asks every step, then the review; resolves when the user picks the review's action. */
export async function runWizard<S>(wizard: Wizard<S>, state: S, input: UserInput): Promise<void> {
  let index = 0;
  /** After a change from the review, steps that still hold an answer are passed over on the way back to it. */
  let returningToReview = wizard.reviewFirst ?? false;
  for (;;) {
    const steps = wizard.steps.filter((step) => step.shouldAsk?.(state) ?? true);
    const total = steps.length + 1;
    const step = steps[index];
    if (!step) {
      const choice = await review(wizard, steps, state, input, total);
      if (choice === 'back') {
        index = steps.length - 1;
        returningToReview = false;
        continue;
      }
      if ('finish' in choice) return;
      index = choice.step;
      returningToReview = true;
      await askStep(steps[index], index, total);
      continue;
    }
    if (returningToReview && step.isAnswered(state)) {
      index++;
      continue;
    }
    await askStep(step, index, total);
  }

  async function askStep(step: WizardStep<S>, at: number, total: number): Promise<void> {
    const title = wizard.reviewFirst ? `${wizard.title}: ${step.title}` : `${wizard.title}: ${step.title} (${at + 1}/${total})`;
    try {
      await step.ask(state, { title, canGoBack: at > 0 || !!wizard.reviewFirst });
      index = at + 1;
    } catch (error) {
      if (!isGoBack(error)) throw error;
      index = wizard.reviewFirst ? total : Math.max(0, at - 1);
      returningToReview = !!wizard.reviewFirst;
    }
  }
}

async function review<S>(wizard: Wizard<S>, steps: WizardStep<S>[], state: S, input: UserInput, total: number): Promise<ReviewChoice | 'back'> {
  const items = [
    { label: wizard.finish, description: wizard.finishDetail?.(state), value: { finish: true } as ReviewChoice },
    ...steps.map((step, index) => ({ label: capitalized(step.title), description: step.summary(state), detail: l10n.t('Select to change'), value: { step: index } as ReviewChoice })),
  ];
  try {
    const title = wizard.reviewFirst
      ? l10n.t({ message: '{0}: review', args: [wizard.title], comment: ['The last step of a wizard, where every answer is shown; {0} is the wizard\'s title'] })
      : l10n.t({ message: '{0}: review ({1}/{2})', args: [wizard.title, total, total], comment: ['The last step of a wizard, where every answer is shown; {0} is the wizard\'s title, {1}/{2} the step number'] });
    const placeHolder = l10n.t({ message: 'Check the answers, then {0}', args: [wizard.finish], comment: ['{0} is the wizard\'s last action, e.g. "Create"'] });
    const choice = await input.pickOne(items, { title, placeHolder, canGoBack: !wizard.reviewFirst });
    if (!choice) throw new UserCancelledError();
    return choice;
  } catch (error) {
    if (isGoBack(error)) return 'back';
    throw error;
  }
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
