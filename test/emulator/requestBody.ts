// Checks of request bodies, worded as ARM words them: a wrong type names the property path
// (never the value, which may be a key); a bad key or key length gets its own clear code.
import { ArmError, invalidRequestContent, missingProperty, wrongType } from './armErrors';
import type { Tags } from './types';

const PRINTABLE_ASCII_KEY = /^[\x20-\x7E]{1,128}$/;

export function asObject(value: unknown, path: string, typeName: string): Record<string, unknown> {
  if (value === undefined && path === '') throw invalidRequestContent("The request body is empty. Path ''");
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw wrongType(path, value, typeName);
  return value as Record<string, unknown>;
}

export function optional(obj: Record<string, unknown>, key: string, path: string, type: 'string' | 'boolean' | 'integer'): void {
  const value = obj[key];
  if (value === undefined) return;
  const ok = type === 'integer' ? Number.isInteger(value) : typeof value === type;
  if (!ok) throw wrongType(path, value, { string: 'String', boolean: 'Boolean', integer: 'Int32' }[type]);
}

export function checkTags(value: unknown, path: string): Tags | undefined {
  if (value === undefined) return undefined;
  const tags = asObject(value, path, 'Dictionary`2');
  for (const [k, v] of Object.entries(tags)) {
    if (typeof v !== 'string') throw wrongType(`${path}.${k}`, v, 'String');
  }
  return tags as Tags;
}

export function checkSharedKey(value: unknown, path: string, id: string): string {
  if (typeof value !== 'string') throw wrongType(path, value, 'String');
  if (!PRINTABLE_ASCII_KEY.test(value)) {
    throw new ArmError(
      400,
      'ConnectionSharedKeyIsInvalid',
      `The shared key for connection ${id} is not valid. A shared key is a combination of printable ASCII characters and is between 1 and 128 characters long.`,
    );
  }
  return value;
}

export function checkKeyLength(value: unknown): number {
  if (value === undefined) throw missingProperty('keyLength');
  if (typeof value !== 'number') throw wrongType('keyLength', value, 'Int32');
  if (!Number.isInteger(value)) throw invalidRequestContent(`Input string '${value}' is not a valid integer. Path 'keyLength'`);
  if (value < 1 || value > 128) {
    throw new ArmError(400, 'InvalidRequestFormat', `The keyLength ${value} is not valid: a shared key is between 1 and 128 characters long.`);
  }
  return value;
}
