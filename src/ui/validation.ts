// What the user types, checked as they type. Each function returns the reason shown under the
// input box, or undefined when the value is fine. No vscode import: unit-tested in plain Node.
import * as l10n from '@vscode/l10n';

const minKeyLength = 1;
const maxKeyLength = 128;
export const defaultKeyLength = 32;
export const maxConnectionNameLength = 80;

/** The key length for Reset Shared Key: a whole number from 1 to 128. */
export function validateKeyLength(value: string): string | undefined {
  const text = value.trim();
  if (text === '') {
    return l10n.t('Enter a key length from {0} to {1}.', minKeyLength, maxKeyLength);
  }
  if (/^[+-]?\d*\.\d*$/.test(text) && /\d/.test(text)) {
    return l10n.t('The key length must be a whole number.');
  }
  if (!/^[+-]?\d+$/.test(text)) {
    return l10n.t('The key length must be a number from {0} to {1}.', minKeyLength, maxKeyLength);
  }
  const length = Number(text);
  if (length < minKeyLength) {
    return l10n.t('The key length must be at least {0}.', minKeyLength);
  }
  if (length > maxKeyLength) {
    return l10n.t('The key length can be at most {0}.', maxKeyLength);
  }
  return undefined;
}

export function parseKeyLength(value: string): number {
  return Number(value.trim());
}

/** A shared key Azure and the peer device accept: 1–128 printable ASCII characters, not only spaces. */
export function validateSharedKey(value: string): string | undefined {
  if (value.length === 0) {
    return l10n.t('Enter a shared key of {0} to {1} characters.', minKeyLength, maxKeyLength);
  }
  if (value.length > maxKeyLength) {
    return l10n.t('The shared key is {0} characters long; Azure accepts at most {1}.', value.length, maxKeyLength);
  }
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    // Only the position is named: the character itself is part of a secret.
    if (code < 0x20 || code === 0x7f) {
      return l10n.t('Character {0} is a control character; use printable ASCII (letters, digits, punctuation, space).', index + 1);
    }
    if (code > 0x7e) {
      return l10n.t('Character {0} is not ASCII; use printable ASCII (letters, digits, punctuation, space).', index + 1);
    }
  }
  if (value.trim() === '') {
    return l10n.t('The shared key cannot be only spaces.');
  }
  return undefined;
}

const nameCharacters = /^[A-Za-z0-9_.-]*$/;

/** A connection name as Azure accepts it: 1–80 characters, letters, digits, underscores, periods, hyphens; starts with a letter or digit; ends with a letter, digit or underscore. */
export function validateConnectionName(value: string, existingNames: readonly string[] = []): string | undefined {
  if (value.length === 0) {
    return l10n.t('Enter a name for the connection.');
  }
  if (value.length > maxConnectionNameLength) {
    return l10n.t('The name is {0} characters long; Azure allows at most {1}.', value.length, maxConnectionNameLength);
  }
  if (!nameCharacters.test(value)) {
    const bad = [...value].find((character) => !nameCharacters.test(character));
    return l10n.t('The name cannot contain "{0}"; use letters, digits, underscores, periods and hyphens.', bad ?? '');
  }
  if (!/^[A-Za-z0-9]/.test(value)) {
    return l10n.t('The name must start with a letter or a digit.');
  }
  if (!/[A-Za-z0-9_]$/.test(value)) {
    return l10n.t('The name must end with a letter, a digit or an underscore.');
  }
  if (existingNames.some((name) => name.toLowerCase() === value.toLowerCase())) {
    return l10n.t('A connection named "{0}" already exists here.', value);
  }
  return undefined;
}
