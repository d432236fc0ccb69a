// What a large load costs besides its round trips: the connections it opens, and the SDK's logging.
import * as assert from 'assert';
import { setLogLevel } from '@azure/logger';
import type { AzureVpnApi } from '../../../src/azure/api';
import { setAzureSdkLogLevel, type AzureLogLevel } from '../../../src/azure/createApi';
import { loadFullTree } from '../../bench/treeLoad';
import type { RequestLogEntry } from '../../emulator/types';
import { startFixture, type Fixture } from './fixture';

function armConnections(requests: RequestLogEntry[]): Set<number> {
  return new Set(requests.filter((r) => r.path.startsWith('/subscriptions')).map((r) => r.connection));
}

describe('azure layer: connections and logging of a large load', function () {
  this.timeout(60_000);
  let fixture: Fixture;

  // 300 groups with 2 gateways each: 300 gateway lists, then 600 connection lists, each 200 ms away, so
  // a level's requests overlap even though the emulator shares this process's event loop.
  before(async () => {
    fixture = await startFixture({ fleet: '1x300x2x1', latencyMs: 200 });
  });
  after(() => fixture.close());

  it('keeps the connections it opens: two loads together use no more than the 512 requests let in flight', async () => {
    const api = await fixture.api();
    assert.strictEqual((await loadFullTree(api)).connections.length, 600);
    const first = armConnections(await fixture.control.requests());
    assert.ok(first.size > 256, `the first load used ${first.size} connections: more than Node keeps idle by default, or this test proves nothing`);

    await fixture.control.reset();
    assert.strictEqual((await loadFullTree(api)).connections.length, 600);
    const both = new Set([...first, ...armConnections(await fixture.control.requests())]);
    // A connection closed after a load is opened again (TCP and TLS handshakes) by the next: then the two loads use more.
    assert.ok(both.size <= 512, `the two loads used ${both.size} connections: some were closed and opened again`);
  });

  describe('the SDK’s own log lines', () => {
    let lines: string[];
    let api: AzureVpnApi;

    before(async () => {
      lines = [];
      api = await fixture.api({ deps: { log: (level: AzureLogLevel, message: string) => lines.push(`${level}: ${message}`) } });
    });
    // The SDK's logger is one per process: leave it as the other tests found it (off).
    after(() => setLogLevel());

    it('are only warnings and errors by default: no line per request', async () => {
      await api.listSubscriptions();
      assert.deepStrictEqual(lines.filter((line) => /Request:|Response status code/.test(line)), []);
    });

    it('describe every request and response once the level is info, and stop when it goes back', async () => {
      setAzureSdkLogLevel('info');
      await api.listSubscriptions();
      const requestLines = lines.filter((line) => line.startsWith('info:') && line.includes('Request:') && line.includes('/subscriptions'));
      assert.ok(requestLines.length > 0, 'a Request line for the subscriptions list');
      assert.ok(requestLines.every((line) => !/Bearer\s+ey/i.test(line)), 'the token is redacted');

      setAzureSdkLogLevel('warning');
      lines.length = 0;
      await api.listSubscriptions();
      assert.deepStrictEqual(lines.filter((line) => /Request:|Response status code/.test(line)), []);
    });
  });
});
