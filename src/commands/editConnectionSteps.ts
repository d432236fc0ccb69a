// The steps of Edit Connection: one per setting, each starting at what the connection has now and
// summarised in the review as "old → new". Typed numbers are checked as typed; the policy's pickers
// offer only what the spec's enums allow together (src/ui/ipsecPolicy.ts).
import * as l10n from '@vscode/l10n';
import { connectionModes, ipsecPolicyValues, type ConnectionMode, type ConnectionSettings, type IpsecPolicy } from '../azure/connectionSettings';
import { answered, UserCancelledError } from '../ui/cancelled';
import { azureDefaultPolicyName, integrityChoices, integrityFits, type PolicyPhase } from '../ui/ipsecPolicy';
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

const onOff = (value: boolean) => (value ? l10n.t({ message: 'On', comment: ['A setting that is switched on'] }) : l10n.t({ message: 'Off', comment: ['A setting that is switched off'] }));
const azureDefault = () => l10n.t({ message: 'Azure default', comment: ['A value of the IPsec/IKE policy that Azure chooses'] });
const grouped = (value: number | undefined) => (value === undefined ? '' : value.toLocaleString('en-US'));

/** "45 s" unchanged, "45 s → 30 s" changed. */
export function change(before: string, after: string): string {
  return before === after ? after : `${before} → ${after}`;
}

const modeDescriptions = (): Record<ConnectionMode, string> => ({
  Default: l10n.t('Azure initiates and answers negotiations'),
  ResponderOnly: l10n.t('Azure only answers: the on-premises device must initiate'),
  InitiatorOnly: l10n.t('Azure only initiates: it ignores the device’s attempts'),
});

/** `title` is a setting's name in lower case, e.g. "connection mode". */
const selectThe = (title: string) => l10n.t({ message: 'Select the {0}', args: [title], comment: ['{0} is the name of a setting in lower case, e.g. "connection mode"'] });

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
      write(state.draft, answered(await input.pickOne(items(state), { ...prompt, placeHolder: selectThe(title) })));
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
      const [min, max] = [grouped(range.min), grouped(range.max)];
      const said = range.unit
        ? l10n.t({ message: 'The {0} in {1}: a whole number from {2} to {3}.', args: [title, range.unit, min, max], comment: ['{0} is the name of a setting in lower case, e.g. "DPD timeout"; {1} a unit, e.g. "seconds"'] })
        : l10n.t({ message: 'The {0}: a whole number from {1} to {2}.', args: [title, min, max], comment: ['{0} is the name of a setting in lower case, e.g. "routing weight"'] });
      const answer = answered(await input.askText({ ...prompt, prompt: said, value: String(get(state.draft) ?? ''), validate: (value) => validateWholeNumber(value, range) }));
      if (!('value' in answer)) throw new UserCancelledError();
      set(state.draft, parseWholeNumber(answer.value));
    },
  };
}

const custom = { shouldAsk: (state: EditState) => state.draft.customPolicy };

function policyValueStep(input: UserInput, title: string, key: Exclude<keyof IpsecPolicy, 'saLifeTimeSeconds' | 'saDataSizeKilobytes'>, choices: (policy: Partial<IpsecPolicy>) => readonly string[], phase?: PolicyPhase): WizardStep<EditState> {
  const before = (state: EditState) => state.before.ipsecPolicy?.[key] ?? azureDefault();
  return {
    title,
    ...custom,
    // An integrity that no longer goes with the encryption chosen is asked again.
    isAnswered: (state) => (phase ? integrityFits(phase, state.draft.policy[phase === 'ike' ? 'ikeEncryption' : 'ipsecEncryption'], state.draft.policy[key]) : !!state.draft.policy[key]),
    summary: (state) => change(before(state), state.draft.policy[key] ?? ''),
    async ask(state, prompt) {
      const current = l10n.t({ message: 'current', comment: ['The value a connection has now, beside it in a list of values'] });
      const items = choices(state.draft.policy).map((value) => ({ label: value, description: value === state.before.ipsecPolicy?.[key] ? current : undefined, value }));
      state.draft.policy[key] = answered(await input.pickOne(items, { ...prompt, placeHolder: selectThe(title) }));
    },
  };
}

function policyNumberStep(input: UserInput, title: string, key: 'saLifeTimeSeconds' | 'saDataSizeKilobytes', range: WholeNumberRange): WizardStep<EditState> {
  const words = (value: number | undefined) => (value === undefined ? azureDefault() : `${grouped(value)} ${range.unit}`);
  return { ...numberStep(input, title, range, (draft) => draft.policy[key], (draft, value) => (draft.policy[key] = value), words), ...custom };
}

export function editSteps(input: UserInput): WizardStep<EditState>[] {
  const seconds = (value: number | undefined) =>
    value === undefined ? l10n.t({ message: 'unknown', comment: ['A DPD timeout not known'] }) : l10n.t({ message: '{0} s', args: [grouped(value)], comment: ['A duration in seconds'] });
  const modes = modeDescriptions();
  return [
    pickStep(
      input,
      l10n.t({ message: 'connection mode', comment: ['A setting, lower case: a step of Edit Connection; completes "Select the …"'] }),
      () => connectionModes.map((mode) => ({ label: mode, description: modes[mode], value: mode })),
      (s) => s.connectionMode,
      (d, mode) => (d.connectionMode = mode),
    ),
    numberStep(input, l10n.t({ message: 'DPD timeout', comment: ['A setting, lower case: a step of Edit Connection; completes "Select the …"'] }), dpdTimeout, (d) => d.dpdTimeoutSeconds, (d, value) => (d.dpdTimeoutSeconds = value), seconds),
    numberStep(input, l10n.t({ message: 'routing weight', comment: ['A setting, lower case: a step of Edit Connection; completes "Select the …"'] }), routingWeight, (d) => d.routingWeight, (d, value) => (d.routingWeight = value), (value) => grouped(value)),
    pickStep(input, 'BGP', () => [true, false].map((on) => ({ label: onOff(on), value: on })), (s) => onOff(s.enableBgp), (d, on) => (d.enableBgp = on)),
    pickStep(
      input,
      l10n.t({ message: 'IPsec/IKE policy', comment: ['A setting, lower case: a step of Edit Connection; completes "Select the …"'] }),
      () => [
        { label: azureDefaultPolicyName(), description: l10n.t('Azure proposes its default algorithms'), value: false },
        { label: l10n.t('Custom policy'), description: l10n.t('Only the algorithms you choose'), value: true },
      ],
      (s) => (s.ipsecPolicy ? l10n.t({ message: 'Custom', comment: ['An IPsec/IKE policy the user chose, not Azure’s default'] }) : azureDefaultPolicyName()),
      (d, isCustom) => (d.customPolicy = isCustom),
    ),
    policyValueStep(input, l10n.t({ message: 'IKE encryption', comment: ['A setting, lower case: a step of Edit Connection; completes "Select the …"'] }), 'ikeEncryption', () => ipsecPolicyValues.ikeEncryption),
    policyValueStep(input, l10n.t({ message: 'IKE integrity', comment: ['A setting, lower case: a step of Edit Connection; completes "Select the …"'] }), 'ikeIntegrity', (policy) => integrityChoices('ike', policy.ikeEncryption), 'ike'),
    policyValueStep(input, l10n.t({ message: 'DH group', comment: ['A setting, lower case: a step of Edit Connection; completes "Select the …"'] }), 'dhGroup', () => ipsecPolicyValues.dhGroup),
    policyValueStep(input, l10n.t({ message: 'IPsec encryption', comment: ['A setting, lower case: a step of Edit Connection; completes "Select the …"'] }), 'ipsecEncryption', () => ipsecPolicyValues.ipsecEncryption),
    policyValueStep(input, l10n.t({ message: 'IPsec integrity', comment: ['A setting, lower case: a step of Edit Connection; completes "Select the …"'] }), 'ipsecIntegrity', (policy) => integrityChoices('ipsec', policy.ipsecEncryption), 'ipsec'),
    policyValueStep(input, l10n.t({ message: 'PFS group', comment: ['A setting, lower case: a step of Edit Connection; completes "Select the …"'] }), 'pfsGroup', () => ipsecPolicyValues.pfsGroup),
    policyNumberStep(input, l10n.t({ message: 'SA lifetime', comment: ['A setting, lower case: a step of Edit Connection; completes "Select the …"'] }), 'saLifeTimeSeconds', saLifetime),
    policyNumberStep(input, l10n.t({ message: 'SA data size', comment: ['A setting, lower case: a step of Edit Connection; completes "Select the …"'] }), 'saDataSizeKilobytes', saDataSize),
    pickStep(
      input,
      l10n.t({ message: 'policy-based traffic selectors', comment: ['A setting, lower case: a step of Edit Connection; completes "Select the …"'] }),
      () => [true, false].map((on) => ({ label: onOff(on), value: on })),
      (s) => onOff(s.usePolicyBasedTrafficSelectors),
      (d, on) => (d.usePolicyBasedTrafficSelectors = on),
      custom,
    ),
  ];
}
