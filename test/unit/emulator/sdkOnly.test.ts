// The end-to-end proof: the official SDK alone (examples/sdk-only.ts uses only @azure/identity and
// @azure/arm-network) lists, reads, sets and resets a key through the emulator.
import * as assert from 'assert';
import { DEFAULT_TARGET, listReadSetReset } from '../../emulator/examples/sdk-only';
import { TestEmulator } from './armClient';

describe('emulator: the official SDK alone', function () {
  this.timeout(30_000);
  const emulator = TestEmulator.inSuite({ lroMs: 300, updatingMs: 300 });

  it('lists connections, reads, sets and resets a key', async () => {
    const initialKey = await emulator.storedKey(DEFAULT_TARGET.connection);
    const newKey = 'Sdk-Only-Example-Key-01';
    const lines: string[] = [];
    const result = await listReadSetReset(emulator.info, DEFAULT_TARGET, { newKey, resetLength: 40 }, (line) => lines.push(line));

    assert.deepStrictEqual(result.connectionNames, ['cn-prod-we-paris', 'cn-prod-we-lyon', 'cn-prod-we-frankfurt-cert', 'cn-prod-we-zurich']);
    assert.ok(result.keyRead === initialKey, 'the key read is the one the emulator holds');
    assert.ok(result.keyAfterSet === newKey, 'the key read after set is the one set');
    assert.strictEqual(result.keyAfterReset.length, 40);
    assert.ok(result.keyAfterReset !== newKey, 'reset made a new key');
    assert.ok((await emulator.storedKey(DEFAULT_TARGET.connection)) === result.keyAfterReset, 'the emulator holds the reset key');
    const printed = lines.join('\n');
    assert.ok(![initialKey!, newKey, result.keyAfterReset].some((key) => printed.includes(key)), 'the example prints no key');
  });
});
