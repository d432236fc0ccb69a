import * as assert from 'assert';
import { formatAuditLine } from '../../../src/services/audit';

describe('audit lines', () => {
  it('say who, what, when, on which connection, the result and the key length', () => {
    const line = formatAuditLine(
      {
        who: 'VS Code account ada@contoso.com',
        what: 'reset shared key',
        connectionId: '/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/connections/c',
        result: 'failed (conflict)',
        keyLength: 48,
      },
      new Date(Date.UTC(2025, 0, 2, 3, 4, 5)),
    );
    assert.strictEqual(
      line,
      'audit: 2025-01-02T03:04:05.000Z who="VS Code account ada@contoso.com" what="reset shared key" ' +
        'connection="/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/connections/c" result="failed (conflict)" keyLength=48',
    );
  });
});
