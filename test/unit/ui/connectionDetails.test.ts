import * as assert from 'assert';
import { connectionDetailsJson } from '../../../src/ui/connectionDetails';
import { connection } from '../tree/sampleModel';

describe('connection details document', () => {
  const planted = 'planted-secret-value';
  const details = connectionDetailsJson(
    connection('to-branch', {
      status: 'Connecting',
      raw: {
        name: 'to-branch',
        properties: { connectionType: 'IPsec', sharedKey: planted, nested: [{ SharedKey: planted, authorizationKey: planted }] },
      },
    }),
  );

  it('is JSON with the status fields first', () => {
    const parsed = JSON.parse(details) as Record<string, unknown>;
    assert.deepStrictEqual(Object.keys(parsed).slice(0, 4), ['name', 'connectionType', 'connectionStatus', 'provisioningState']);
    assert.strictEqual(parsed.connectionStatus, 'Connecting');
    assert.deepStrictEqual((parsed.resource as { properties: { connectionType: string } }).properties.connectionType, 'IPsec');
  });

  it('never contains a key, at any depth', () => {
    assert.ok(!details.includes(planted), 'the details document contains a key value');
  });
});
