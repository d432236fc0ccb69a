import * as assert from 'assert';
import { generateSharedKey, sharedKeyAlphabet } from '../../../src/ui/sharedKeyGenerator';
import { validateSharedKey } from '../../../src/ui/validation';

describe('generated shared keys', () => {
  it('have the asked length, from 1 to 128', () => {
    for (const length of [1, 2, 32, 100, 128]) {
      assert.strictEqual(generateSharedKey(length).length, length);
    }
  });

  it('are keys Azure and the validator accept, of letters and digits only', () => {
    for (let i = 0; i < 50; i++) {
      const key = generateSharedKey(128);
      assert.strictEqual(validateSharedKey(key), undefined);
      assert.ok(/^[A-Za-z0-9]+$/.test(key), 'a generated key has a character outside letters and digits');
    }
  });

  it('refuse lengths Azure refuses', () => {
    for (const length of [0, 129, -1, 1.5, Number.NaN]) {
      assert.throws(() => generateSharedKey(length), RangeError);
    }
  });

  it('do not repeat, and use every character of the alphabet about equally', () => {
    const keys = Array.from({ length: 400 }, () => generateSharedKey(32));
    assert.strictEqual(new Set(keys).size, keys.length, 'two generated keys were equal');
    const counts = new Map<string, number>();
    for (const character of keys.join('')) {
      counts.set(character, (counts.get(character) ?? 0) + 1);
    }
    assert.strictEqual(counts.size, sharedKeyAlphabet.length, 'some characters of the alphabet never appeared');
    const expected = (400 * 32) / sharedKeyAlphabet.length;
    for (const [, count] of counts) {
      // ~206 expected per character; 5 standard deviations either side still only fails on a broken generator.
      assert.ok(Math.abs(count - expected) < 5 * Math.sqrt(expected), `a character appeared ${count} times, expected about ${expected.toFixed(0)}`);
    }
  });
});
