// Strong random shared keys made locally, so a key the user chooses never has to be invented by hand.
import * as l10n from '@vscode/l10n';
import { randomBytes } from 'crypto';

// Letters and digits only: every peer device's configuration accepts them (quotes, '?' or spaces break some).
export const sharedKeyAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

// Bytes at or above this are rejected so every character is equally likely (no modulo bias).
const unbiasedLimit = 256 - (256 % sharedKeyAlphabet.length);

export function generateSharedKey(length: number): string {
  if (!Number.isInteger(length) || length < 1 || length > 128) {
    throw new RangeError(l10n.t('A shared key is 1 to 128 characters long.'));
  }
  let key = '';
  while (key.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < unbiasedLimit && key.length < length) {
        key += sharedKeyAlphabet[byte % sharedKeyAlphabet.length];
      }
    }
  }
  return key;
}
