// Assertions about shared keys whose failure messages never contain a key.
import * as assert from 'assert';
import { emulator } from './emulator';

export function sameKey(actual: unknown, expected: string, what: string): void {
  assert.ok(actual === expected, `${what} differs from what it should be (values not shown: they are keys)`);
}

export function noKeyIn(texts: string[], key: string): void {
  assert.ok(!texts.some((text) => text.includes(key)), 'a message shown to the user contains the shared key');
}

/** The text with every key the emulator holds, and `others`, masked: for assertion messages. */
export async function withoutKeys(text: string, ...others: string[]): Promise<string> {
  const state = await emulator().state();
  const held = state.subscriptions.flatMap((subscription) =>
    subscription.resourceGroups.flatMap((group) => group.connections.map((connection) => connection.properties.sharedKey)),
  );
  const keys = [...held, ...others].filter((key): key is string => typeof key === 'string' && key.length > 0);
  return keys.reduce((masked, key) => masked.split(key).join('•••'), text);
}
