// What the user types, checked as they type. Each function returns the reason shown under the
// input box, or undefined when the value is fine. No vscode import: unit-tested in plain Node.

const minKeyLength = 1;
const maxKeyLength = 128;
export const defaultKeyLength = 32;
export const maxConnectionNameLength = 80;

/** The key length for Reset Shared Key: a whole number from 1 to 128. */
export function validateKeyLength(value: string): string | undefined {
  const text = value.trim();
  if (text === '') {
    return `Enter a key length from ${minKeyLength} to ${maxKeyLength}.`;
  }
  if (/^[+-]?\d*\.\d*$/.test(text) && /\d/.test(text)) {
    return 'The key length must be a whole number.';
  }
  if (!/^[+-]?\d+$/.test(text)) {
    return `The key length must be a number from ${minKeyLength} to ${maxKeyLength}.`;
  }
  const length = Number(text);
  if (length < minKeyLength) {
    return `The key length must be at least ${minKeyLength}.`;
  }
  if (length > maxKeyLength) {
    return `The key length can be at most ${maxKeyLength}.`;
  }
  return undefined;
}

export function parseKeyLength(value: string): number {
  return Number(value.trim());
}

/** A shared key Azure and the peer device accept: 1–128 printable ASCII characters, not only spaces. */
export function validateSharedKey(value: string): string | undefined {
  if (value.length === 0) {
    return `Enter a shared key of ${minKeyLength} to ${maxKeyLength} characters.`;
  }
  if (value.length > maxKeyLength) {
    return `The shared key is ${value.length} characters long; Azure accepts at most ${maxKeyLength}.`;
  }
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    // Only the position is named: the character itself is part of a secret.
    if (code < 0x20 || code === 0x7f) {
      return `Character ${index + 1} is a control character; use printable ASCII (letters, digits, punctuation, space).`;
    }
    if (code > 0x7e) {
      return `Character ${index + 1} is not ASCII; use printable ASCII (letters, digits, punctuation, space).`;
    }
  }
  if (value.trim() === '') {
    return 'The shared key cannot be only spaces.';
  }
  return undefined;
}

const nameCharacters = /^[A-Za-z0-9_.-]*$/;

/** A connection name as Azure accepts it: 1–80 characters, letters, digits, underscores, periods, hyphens; starts with a letter or digit; ends with a letter, digit or underscore. */
export function validateConnectionName(value: string, existingNames: readonly string[] = []): string | undefined {
  if (value.length === 0) {
    return 'Enter a name for the connection.';
  }
  if (value.length > maxConnectionNameLength) {
    return `The name is ${value.length} characters long; Azure allows at most ${maxConnectionNameLength}.`;
  }
  if (!nameCharacters.test(value)) {
    const bad = [...value].find((character) => !nameCharacters.test(character));
    return `The name cannot contain "${bad}"; use letters, digits, underscores, periods and hyphens.`;
  }
  if (!/^[A-Za-z0-9]/.test(value)) {
    return 'The name must start with a letter or a digit.';
  }
  if (!/[A-Za-z0-9_]$/.test(value)) {
    return 'The name must end with a letter, a digit or an underscore.';
  }
  if (existingNames.some((name) => name.toLowerCase() === value.toLowerCase())) {
    return `A connection named "${value}" already exists here.`;
  }
  return undefined;
}
