// Asks for a new shared key: typed into a password box (validated as typed), or generated locally.
import { generateSharedKey } from '../ui/sharedKeyGenerator';
import type { UserInput } from '../ui/userInput';
import { defaultKeyLength, validateSharedKey } from '../ui/validation';
import { answered } from './services';

export interface NewSharedKey {
  sharedKey: string;
  /** Generated here: the user has not seen it yet, so offer to copy it afterwards. */
  generated: boolean;
}

export const generateKeyButton = { id: 'generate', tooltip: `Generate a strong random ${defaultKeyLength}-character key`, icon: 'sparkle' };

export async function askNewSharedKey(input: UserInput, title: string): Promise<NewSharedKey> {
  const answer = answered(
    await input.askText({
      title,
      prompt: `Type the new shared key (1–128 printable ASCII characters), or use the button to generate a strong random key.`,
      placeHolder: 'New shared key',
      password: true,
      validate: validateSharedKey,
      buttons: [generateKeyButton],
    }),
  );
  if ('button' in answer) {
    return { sharedKey: generateSharedKey(defaultKeyLength), generated: true };
  }
  return { sharedKey: answer.value, generated: false };
}
