// Edit Connection's steps in the wizard runner: the review comes first with every setting as it is,
// each change shows as "old → new", typed numbers are checked as typed, and the policy's pickers
// offer only values that go together.
import * as assert from 'assert';
import type { ConnectionSettings } from '../../../src/azure/connectionSettings';
import { draftOf, editSteps, settingsOf, type EditState } from '../../../src/commands/editConnectionSteps';
import { runWizard } from '../../../src/ui/wizard';
import { TestUserInput } from '../../integration/support/testUserInput';
import { FABRIKAM_POLICY } from '../../emulator/defaultData';

const current: ConnectionSettings = { connectionMode: 'Default', dpdTimeoutSeconds: 45, usePolicyBasedTrafficSelectors: false, routingWeight: 0, enableBgp: true };
const title = "Edit Connection 'cn-1'";

async function edit(before: ConnectionSettings, input: TestUserInput): Promise<{ after: ConnectionSettings; reviews: TestUserInput['offered'] }> {
  const state: EditState = { before, draft: draftOf(before) };
  await runWizard({ title, steps: editSteps(input), finish: 'Save', reviewFirst: true }, state, input);
  input.assertAllAnswered();
  return { after: settingsOf(state.draft), reviews: input.offered.filter((pick) => pick.title === `${title}: review`) };
}

describe('Edit Connection steps', () => {
  it('starts at the review with every setting as it is, and shows what changed as old → new', async () => {
    const input = new TestUserInput()
      .pick('review', 'DPD timeout')
      .type(`${title}: DPD timeout`, '5', '3601', '30')
      .pick('review', 'Connection mode')
      .pick(`${title}: connection mode`, 'ResponderOnly')
      .pick('review', 'Save');
    const { after, reviews } = await edit(current, input);
    assert.deepStrictEqual(after, { ...current, dpdTimeoutSeconds: 30, connectionMode: 'ResponderOnly', ipsecPolicy: undefined });
    assert.deepStrictEqual(input.validationMessages, ['The DPD timeout must be at least 9 seconds.', 'The DPD timeout can be at most 3,600 seconds.', undefined]);
    assert.deepStrictEqual(reviews[0].labels, ['Save', 'Connection mode', 'DPD timeout', 'Routing weight', 'BGP', 'IPsec/IKE policy']);
    assert.deepStrictEqual(reviews[0].descriptions.slice(1), ['Default', '45 s', '0', 'On', 'Azure default policy']);
    assert.deepStrictEqual(reviews[2].descriptions.slice(1), ['Default → ResponderOnly', '45 s → 30 s', '0', 'On', 'Azure default policy']);
  });

  it('a custom policy in place of Azure’s default asks each of its values, offering only the integrity a GCM cipher allows', async () => {
    const input = new TestUserInput()
      .pick('review', 'IPsec/IKE policy')
      .pick(`${title}: IPsec/IKE policy`, 'Custom policy')
      .pick('IKE encryption', 'AES256')
      .pick('IKE integrity', 'SHA384')
      .pick('DH group', 'DHGroup24')
      .pick('IPsec encryption', 'GCMAES256')
      .pick('IPsec integrity', 'GCMAES256')
      .pick('PFS group', 'PFS24')
      .type('SA lifetime', '100', '3,600')
      .type('SA data size', '102400000')
      .pick('review', 'Policy-based traffic selectors')
      .pick('policy-based traffic selectors', 'On')
      .pick('review', 'Save');
    const { after, reviews } = await edit(current, input);
    assert.deepStrictEqual(after.ipsecPolicy, { ...FABRIKAM_POLICY, ipsecEncryption: 'GCMAES256', ipsecIntegrity: 'GCMAES256' });
    assert.strictEqual(after.usePolicyBasedTrafficSelectors, true);
    assert.deepStrictEqual(input.offered.find((pick) => pick.title.endsWith('IPsec integrity'))?.labels, ['GCMAES256']);
    assert.deepStrictEqual(input.validationMessages[0], 'The SA lifetime must be at least 300 seconds.');
    const review = reviews[reviews.length - 1];
    assert.deepStrictEqual(review.descriptions[review.labels.indexOf('IPsec/IKE policy')], 'Azure default policy → Custom');
    assert.deepStrictEqual(review.descriptions[review.labels.indexOf('IKE encryption')], 'Azure default → AES256');
    assert.deepStrictEqual(review.descriptions[review.labels.indexOf('SA lifetime')], 'Azure default → 3,600 seconds');
    assert.deepStrictEqual(review.descriptions[review.labels.indexOf('Policy-based traffic selectors')], 'Off → On');
  });

  it('asks the integrity again when a new cipher rules out the one chosen; back to Azure’s default drops the policy and its traffic selectors', async () => {
    const custom = { ...current, ipsecPolicy: FABRIKAM_POLICY, usePolicyBasedTrafficSelectors: true };
    const input = new TestUserInput().pick('review', 'IPsec encryption').pick('IPsec encryption', 'GCMAES128').pick('IPsec integrity', 'GCMAES128').pick('review', 'Save');
    const { after } = await edit(custom, input);
    assert.deepStrictEqual([after.ipsecPolicy?.ipsecEncryption, after.ipsecPolicy?.ipsecIntegrity], ['GCMAES128', 'GCMAES128']);

    const toDefault = new TestUserInput().pick('review', 'IPsec/IKE policy').pick(`${title}: IPsec/IKE policy`, 'Azure default policy').pick('review', 'Save');
    const { after: plain, reviews } = await edit(custom, toDefault);
    assert.deepStrictEqual([plain.ipsecPolicy, plain.usePolicyBasedTrafficSelectors], [undefined, false]);
    assert.ok(!reviews[1].labels.includes('IKE encryption'), 'the policy’s values are still in the review');
  });
});
