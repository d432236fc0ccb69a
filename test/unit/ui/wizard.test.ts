// The wizard step runner: computed step numbers, Back, the review and changing one answer from it.
import * as assert from 'assert';
import { runWizard, type WizardStep } from '../../../src/ui/wizard';
import { TestUserInput } from '../../integration/support/testUserInput';

interface Answers {
  colour?: string;
  shade?: string;
  size?: string;
}

function pickStep(title: string, field: keyof Answers, options: string[], shouldAsk?: (state: Answers) => boolean): WizardStep<Answers> {
  return {
    title,
    shouldAsk,
    isAnswered: (state) => state[field] !== undefined,
    summary: (state) => state[field] ?? '',
    async ask(state, prompt) {
      const chosen = await input.pickOne(options.map((label) => ({ label, value: label })), { ...prompt, placeHolder: `Select a ${title}` });
      if (chosen === undefined) throw new Error('dismissed');
      if (field === 'colour' && chosen !== state.colour) delete state.shade;
      state[field] = chosen;
    },
  };
}

let input: TestUserInput;

const steps = () => [
  pickStep('colour', 'colour', ['red', 'grey']),
  pickStep('shade', 'shade', ['light', 'dark'], (state) => state.colour === 'grey'),
  pickStep('size', 'size', ['S', 'M']),
];

describe('wizard step runner', () => {
  it('numbers only the steps it asks, offers Back after the first, and ends with a review', async () => {
    input = new TestUserInput().pick('Paint: colour (1/3)', 'red').pick('Paint: size (2/3)', 'M').pick('Paint: review (3/3)', 'Order');
    const state: Answers = {};
    await runWizard({ title: 'Paint', steps: steps(), finish: 'Order' }, state, input);
    input.assertAllAnswered();
    assert.deepStrictEqual(state, { colour: 'red', size: 'M' });
    assert.deepStrictEqual(input.offered[2].labels, ['Order', 'Colour', 'Size']);
    assert.deepStrictEqual(input.offered[2].descriptions, [undefined, 'red', 'M']);
  });

  it('goes back a step, and counts again when an answer adds a step', async () => {
    input = new TestUserInput()
      .pick('Paint: colour (1/3)', 'red')
      .back('Paint: size (2/3)')
      .pick('Paint: colour (1/3)', 'grey')
      .pick('Paint: shade (2/4)', 'dark')
      .pick('Paint: size (3/4)', 'S')
      .pick('Paint: review (4/4)', 'Order');
    const state: Answers = {};
    await runWizard({ title: 'Paint', steps: steps(), finish: 'Order' }, state, input);
    input.assertAllAnswered();
    assert.deepStrictEqual(state, { colour: 'grey', shade: 'dark', size: 'S' });
  });

  it('changes one answer from the review and asks only what that change left open', async () => {
    input = new TestUserInput()
      .pick('colour (1/3)', 'red')
      .pick('size (2/3)', 'S')
      .pick('review (3/3)', 'Colour')
      .pick('colour (1/3)', 'grey')
      .pick('shade (2/4)', 'light')
      .pick('review (4/4)', 'Order');
    const state: Answers = {};
    await runWizard({ title: 'Paint', steps: steps(), finish: 'Order' }, state, input);
    input.assertAllAnswered();
    assert.deepStrictEqual(state, { colour: 'grey', shade: 'light', size: 'S' }, 'the size was asked again, or the new shade was not');
  });

  it('Back on the review returns to the last step; the first step has no Back', async () => {
    input = new TestUserInput().pick('colour (1/3)', 'red').pick('size (2/3)', 'S').back('review (3/3)').pick('size (2/3)', 'M').pick('review (3/3)', 'Order');
    const state: Answers = {};
    await runWizard({ title: 'Paint', steps: steps(), finish: 'Order' }, state, input);
    assert.strictEqual(state.size, 'M');

    input = new TestUserInput().back('colour (1/3)');
    await assert.rejects(runWizard({ title: 'Paint', steps: steps(), finish: 'Order' }, {}, input), /dismissed|Back pressed/);
    assert.match(input.unexpectedPrompts.join(), /has no Back button/);
  });

  it('editing what exists starts at the review, unnumbered and without Back; Back in a step returns to it unchanged', async () => {
    input = new TestUserInput()
      .pick('Repaint: review', 'Size')
      .back('Repaint: size')
      .pick('Repaint: review', 'Colour')
      .pick('Repaint: colour', 'grey')
      .pick('Repaint: shade', 'dark')
      .pick('Repaint: review', 'Order');
    const state: Answers = { colour: 'red', size: 'S' };
    await runWizard({ title: 'Repaint', steps: steps(), finish: 'Order', reviewFirst: true }, state, input);
    input.assertAllAnswered();
    assert.deepStrictEqual(state, { colour: 'grey', shade: 'dark', size: 'S' }, 'the size changed after Back, or the shade the colour opened was not asked');
    assert.deepStrictEqual(input.offered.map((pick) => pick.title), ['Repaint: review', 'Repaint: size', 'Repaint: review', 'Repaint: colour', 'Repaint: shade', 'Repaint: review']);

    input = new TestUserInput().back('Repaint: review');
    await assert.rejects(runWizard({ title: 'Repaint', steps: steps(), finish: 'Order', reviewFirst: true }, { colour: 'red', size: 'S' }, input), /Back pressed/);
  });
});
