import * as assert from 'assert';
import { validateConnectionName, validateKeyLength, validateSharedKey } from '../../../src/ui/validation';

describe('input validation (the bad-input table)', () => {
  describe('key length for Reset Shared Key', () => {
    const refused: [string, string][] = [
      ['0', 'The key length must be at least 1.'],
      ['129', 'The key length can be at most 128.'],
      ['-1', 'The key length must be at least 1.'],
      ['1.5', 'The key length must be a whole number.'],
      ['abc', 'The key length must be a number from 1 to 128.'],
      ['', 'Enter a key length from 1 to 128.'],
      ['   ', 'Enter a key length from 1 to 128.'],
      ['3 2', 'The key length must be a number from 1 to 128.'],
      ['1e2', 'The key length must be a number from 1 to 128.'],
      ['32.0', 'The key length must be a whole number.'],
    ];
    for (const [typed, reason] of refused) {
      it(`refuses ${JSON.stringify(typed)}: "${reason}"`, () => {
        assert.strictEqual(validateKeyLength(typed), reason);
      });
    }
    for (const typed of ['1', '32', '128', ' 64 ']) {
      it(`accepts ${JSON.stringify(typed)}`, () => {
        assert.strictEqual(validateKeyLength(typed), undefined);
      });
    }
  });

  describe('shared key for Set Shared Key and Create Connection', () => {
    const refused: [string, string, string][] = [
      ['empty', '', 'Enter a shared key of 1 to 128 characters.'],
      ['129 characters', 'k'.repeat(129), 'The shared key is 129 characters long; Azure accepts at most 128.'],
      ['non-ASCII', 'abcé123', 'Character 4 is not ASCII; use printable ASCII (letters, digits, punctuation, space).'],
      ['an emoji', 'ab🔑', 'Character 3 is not ASCII; use printable ASCII (letters, digits, punctuation, space).'],
      ['a tab', 'ab\tcd', 'Character 3 is a control character; use printable ASCII (letters, digits, punctuation, space).'],
      ['a newline', 'abcd\n', 'Character 5 is a control character; use printable ASCII (letters, digits, punctuation, space).'],
      ['DEL', '\x7fabc', 'Character 1 is a control character; use printable ASCII (letters, digits, punctuation, space).'],
      ['only spaces', '    ', 'The shared key cannot be only spaces.'],
    ];
    for (const [name, typed, reason] of refused) {
      it(`refuses ${name}: "${reason}"`, () => {
        assert.strictEqual(validateSharedKey(typed), reason);
      });
    }
    it('never repeats the offending character in the reason', () => {
      assert.ok(!validateSharedKey('abcé123')?.includes('é'));
    });
    for (const typed of ['a', 'k'.repeat(128), 'Pa ss-w0rd!~"\'{}', ' x ']) {
      it(`accepts a ${typed.length}-character printable key`, () => {
        assert.strictEqual(validateSharedKey(typed), undefined);
      });
    }
  });

  describe('connection name for Create Connection', () => {
    const refused: [string, string][] = [
      ['', 'Enter a name for the connection.'],
      ['a'.repeat(81), 'The name is 81 characters long; Azure allows at most 80.'],
      ['-starts-with-hyphen', 'The name must start with a letter or a digit.'],
      ['_underscore-first', 'The name must start with a letter or a digit.'],
      ['.dot-first', 'The name must start with a letter or a digit.'],
      ['ends-with-hyphen-', 'The name must end with a letter, a digit or an underscore.'],
      ['ends.with.period.', 'The name must end with a letter, a digit or an underscore.'],
      ['has space', 'The name cannot contain " "; use letters, digits, underscores, periods and hyphens.'],
      ['slash/inside', 'The name cannot contain "/"; use letters, digits, underscores, periods and hyphens.'],
      ['paren(1)', 'The name cannot contain "("; use letters, digits, underscores, periods and hyphens.'],
      ['café', 'The name cannot contain "é"; use letters, digits, underscores, periods and hyphens.'],
    ];
    for (const [typed, reason] of refused) {
      it(`refuses ${JSON.stringify(typed.length > 20 ? `${typed.slice(0, 10)}…` : typed)}: "${reason}"`, () => {
        assert.strictEqual(validateConnectionName(typed), reason);
      });
    }
    it('refuses a name already used on the gateway, whatever its case', () => {
      assert.strictEqual(validateConnectionName('Site-A', ['site-a']), 'A connection named "Site-A" already exists here.');
    });
    for (const typed of ['a', 'a'.repeat(80), 'site-to-site_1', 'v2v.east_', '1st']) {
      it(`accepts ${JSON.stringify(typed.length > 20 ? `${typed.slice(0, 10)}…` : typed)}`, () => {
        assert.strictEqual(validateConnectionName(typed), undefined);
      });
    }
  });
});
