// Assertions about shared keys whose failure messages never contain a key.
import * as assert from 'assert';

export function sameKey(actual: unknown, expected: string, what: string): void {
  assert.ok(actual === expected, `${what} differs from what it should be (values not shown: they are keys)`);
}

export function noKeyIn(texts: string[], key: string): void {
  assert.ok(!texts.some((text) => text.includes(key)), 'a message shown to the user contains the shared key');
}
