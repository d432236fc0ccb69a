// Asks for a new shared key: typed into a password box (validated as typed), or generated locally.
import * as l10n from '@vscode/l10n';
import { answered } from '../ui/cancelled';
import { generateSharedKey } from '../ui/sharedKeyGenerator';
import type { UserInput } from '../ui/userInput';
import { defaultKeyLength, validateSharedKey } from '../ui/validation';

export interface NewSharedKey {
  sharedKey: string;
  /** Generated here: the user has not seen it yet, so offer to copy it afterwards. */
  generated: boolean;
}

export const generateKeyButton = () => ({ id: 'generate', tooltip: l10n.t('Generate a strong random {0}-character key', defaultKeyLength), icon: 'sparkle' });

export async function askNewSharedKey(input: UserInput, title: string, canGoBack = false): Promise<NewSharedKey> {
  const answer = answered(
    await input.askText({
      title,
      prompt: l10n.t('Type the new shared key (1–128 printable ASCII characters), or use the button to generate a strong random key.'),
      placeHolder: l10n.t('New shared key'),
      password: true,
      validate: validateSharedKey,
      buttons: [generateKeyButton()],
      canGoBack,
    }),
  );
  if ('button' in answer) {
    return { sharedKey: generateSharedKey(defaultKeyLength), generated: true };
  }
  return { sharedKey: answer.value, generated: false };
}

/** How a key is named where it must not be shown (a review, a message): how it was made and its length. */
export function describeNewKey(key: NewSharedKey): string {
  const length = key.sharedKey.length;
  return key.generated
    ? l10n.t({ message: 'generated, {0} characters', args: [length], comment: ['How a new shared key is named where it must not be shown: how it was made and its length'] })
    : l10n.t({ message: 'typed, {0} characters', args: [length], comment: ['How a new shared key is named where it must not be shown: how it was made and its length'] });
}
