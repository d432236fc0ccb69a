// The steps of Edit Connection: one per setting, each starting at what the connection has now and
// summarised in the review as "old → new". Typed numbers are checked as typed; the policy's pickers
// offer only what the spec's enums allow together (src/ui/ipsecPolicy.ts).
import { connectionModes, ipsecPolicyValues, type ConnectionMode, type ConnectionSettings, type IpsecPolicy } from '../azure/connectionSettings';
import { answered, UserCancelledError } from '../ui/cancelled';
import { azureDefaultPolicy, integrityChoices, integrityFits, type PolicyPhase } from '../ui/ipsecPolicy';
import type { PickItem } from '../ui/pickerItems';
import { dpdTimeout, parseWholeNumber, routingWeight, saDataSize, saLifetime, validateWholeNumber, type WholeNumberRange } from '../ui/tunnelSettingsValidation';
import type { UserInput } from '../ui/userInput';
import type { StepPrompt, WizardStep } from '../ui/wizard';

/** The settings as they will be sent; `policy` is kept while "Azure default" is chosen, so switching back restores it. */
export interface Draft extends Omit<ConnectionSettings, 'ipsecPolicy'> {
  customPolicy: boolean;
  policy: Partial<IpsecPolicy>;
}

export interface EditState {
  before: ConnectionSettings;
  draft: Draft;
}

export function draftOf(settings: ConnectionSettings): Draft {
  const { ipsecPolicy, ...rest } = settings;
  return { ...rest, customPolicy: !!ipsecPolicy, policy: { ...ipsecPolicy } };
}

/** What is sent: policy-based traffic selectors only with a custom policy, which Azure requires. */
export function settingsOf(draft: Draft): ConnectionSettings {
  const { customPolicy, policy, ...rest } = draft;
  return { ...rest, usePolicyBasedTrafficSelectors: customPolicy && rest.usePolicyBasedTrafficSelectors, ipsecPolicy: customPolicy ? (policy as IpsecPolicy) : undefined };
}

const onOff = (value: boolean) => (value ? 'On' : 'Off');
const grouped = (value: number | undefined) => (value === undefined ? '' : value.toLocaleString('en-US'));

/** "45 s" unchanged, "45 s → 30 s" changed. */
export function change(before: string, after: string): string {
  return before === after ? after : `${before} → ${after}`;
}

const modeDescriptions: Record<ConnectionMode, string> = {
  Default: 'Azure initiates and answers negotiations',
  ResponderOnly: 'Azure only answers: the on-premises device must initiate',
  InitiatorOnly: 'Azure only initiates: it ignores the device’s attempts',
};

function pickStep<T>(
  input: UserInput,
  title: string,
  items: (state: EditState) => PickItem<T>[],
  read: (settings: ConnectionSettings) => string,
  write: (draft: Draft, value: T) => void,
  more: Partial<WizardStep<EditState>> = {},
): WizardStep<EditState> {
  return {
    title,
    isAnswered: () => true,
    summary: (state) => change(read(state.before), read(settingsOf(state.draft))),
    async ask(state, prompt: StepPrompt) {
      write(state.draft, answered(await input.pickOne(items(state), { ...prompt, placeHolder: `Select the ${title}` })));
    },
    ...more,
  };
}

function numberStep(input: UserInput, title: string, range: WholeNumberRange, get: (draft: Draft) => number | undefined, set: (draft: Draft, value: number) => void, words: (value: number | undefined) => string): WizardStep<EditState> {
  return {
    title,
    isAnswered: (state) => get(state.draft) !== undefined,
    summary: (state) => change(words(get(draftOf(state.before))), words(get(state.draft))),
    async ask(state, prompt) {
      const unit = range.unit ? ` in ${range.unit}` : '';
      const answer = answered(
        await input.askText({ ...prompt, prompt: `The ${title}${unit}: a whole number from ${grouped(range.min)} to ${grouped(range.max)}.`, value: String(get(state.draft) ?? ''), validate: (value) => validateWholeNumber(value, range) }),
      );
      if (!('value' in answer)) throw new UserCancelledError();
      set(state.draft, parseWholeNumber(answer.value));
    },
  };
}

const custom = { shouldAsk: (state: EditState) => state.draft.customPolicy };

function policyValueStep(input: UserInput, title: string, key: Exclude<keyof IpsecPolicy, 'saLifeTimeSeconds' | 'saDataSizeKilobytes'>, choices: (policy: Partial<IpsecPolicy>) => readonly string[], phase?: PolicyPhase): WizardStep<EditState> {
  const before = (state: EditState) => state.before.ipsecPolicy?.[key] ?? 'Azure default';
  return {
    title,
    ...custom,
    // An integrity that no longer goes with the encryption chosen is asked again.
    isAnswered: (state) => (phase ? integrityFits(phase, state.draft.policy[phase === 'ike' ? 'ikeEncryption' : 'ipsecEncryption'], state.draft.policy[key]) : !!state.draft.policy[key]),
    summary: (state) => change(before(state), state.draft.policy[key] ?? ''),
    async ask(state, prompt) {
      const items = choices(state.draft.policy).map((value) => ({ label: value, description: value === state.before.ipsecPolicy?.[key] ? 'current' : undefined, value }));
      state.draft.policy[key] = answered(await input.pickOne(items, { ...prompt, placeHolder: `Select the ${title}` }));
    },
  };
}

function policyNumberStep(input: UserInput, title: string, key: 'saLifeTimeSeconds' | 'saDataSizeKilobytes', range: WholeNumberRange): WizardStep<EditState> {
  const words = (value: number | undefined) => (value === undefined ? 'Azure default' : `${grouped(value)} ${range.unit}`);
  return { ...numberStep(input, title, range, (draft) => draft.policy[key], (draft, value) => (draft.policy[key] = value), words), ...custom };
}

export function editSteps(input: UserInput): WizardStep<EditState>[] {
  const seconds = (value: number | undefined) => (value === undefined ? 'unknown' : `${grouped(value)} s`);
  return [
    pickStep(input, 'connection mode', () => connectionModes.map((mode) => ({ label: mode, description: modeDescriptions[mode], value: mode })), (s) => s.connectionMode, (d, mode) => (d.connectionMode = mode)),
    numberStep(input, 'DPD timeout', dpdTimeout, (d) => d.dpdTimeoutSeconds, (d, value) => (d.dpdTimeoutSeconds = value), seconds),
    numberStep(input, 'routing weight', routingWeight, (d) => d.routingWeight, (d, value) => (d.routingWeight = value), (value) => grouped(value)),
    pickStep(input, 'BGP', () => [true, false].map((on) => ({ label: onOff(on), value: on })), (s) => onOff(s.enableBgp), (d, on) => (d.enableBgp = on)),
    pickStep(
      input,
      'IPsec/IKE policy',
      () => [
        { label: azureDefaultPolicy, description: 'Azure proposes its default algorithms', value: false },
        { label: 'Custom policy', description: 'Only the algorithms you choose', value: true },
      ],
      (s) => (s.ipsecPolicy ? 'Custom' : azureDefaultPolicy),
      (d, isCustom) => (d.customPolicy = isCustom),
    ),
    policyValueStep(input, 'IKE encryption', 'ikeEncryption', () => ipsecPolicyValues.ikeEncryption),
    policyValueStep(input, 'IKE integrity', 'ikeIntegrity', (policy) => integrityChoices('ike', policy.ikeEncryption), 'ike'),
    policyValueStep(input, 'DH group', 'dhGroup', () => ipsecPolicyValues.dhGroup),
    policyValueStep(input, 'IPsec encryption', 'ipsecEncryption', () => ipsecPolicyValues.ipsecEncryption),
    policyValueStep(input, 'IPsec integrity', 'ipsecIntegrity', (policy) => integrityChoices('ipsec', policy.ipsecEncryption), 'ipsec'),
    policyValueStep(input, 'PFS group', 'pfsGroup', () => ipsecPolicyValues.pfsGroup),
    policyNumberStep(input, 'SA lifetime', 'saLifeTimeSeconds', saLifetime),
    policyNumberStep(input, 'SA data size', 'saDataSizeKilobytes', saDataSize),
    pickStep(input, 'policy-based traffic selectors', () => [true, false].map((on) => ({ label: onOff(on), value: on })), (s) => onOff(s.usePolicyBasedTrafficSelectors), (d, on) => (d.usePolicyBasedTrafficSelectors = on), custom),
  ];
}
