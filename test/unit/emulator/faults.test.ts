// Faults on demand: error statuses, dropped connections and operations that fail or never end,
// each for as many matching requests as asked, then the emulator answers normally again.
import * as assert from 'assert';
import { connectionPath, TestEmulator } from './armClient';

describe('emulator: injected faults', function () {
  this.timeout(20_000);
  const emulator = TestEmulator.inSuite();

  const paris = connectionPath('cn-prod-we-paris');

  it('fails the next `count` matching requests with the status, code, message and Retry-After asked, then recovers', async () => {
    await emulator.control.addFault({ method: 'GET', pathPattern: 'cn-prod-we-paris$', status: 503, count: 2, retryAfter: 7, errorCode: 'ServerBusy', message: 'Try later.' });
    for (let i = 0; i < 2; i++) {
      const res = await emulator.request('GET', paris);
      assert.deepStrictEqual([res.status, res.body.error, res.headers['retry-after']], [503, { code: 'ServerBusy', message: 'Try later.' }, '7']);
    }
    assert.strictEqual((await emulator.request('GET', paris)).status, 200);
    assert.deepStrictEqual(await emulator.control.faults(), [], 'a spent fault is gone');
  });

  it('matches the method and the decoded path only', async () => {
    await emulator.control.addFault({ method: 'PUT', pathPattern: 'rg-Zürich-vpn/.*/cn-zrh-geneva/sharedkey$', status: 500 });
    assert.strictEqual((await emulator.request('GET', connectionPath('cn-zrh-geneva', '/sharedkey', 'rg-Zürich-vpn'))).status, 200, 'GET is not PUT');
    const put = await emulator.request('PUT', connectionPath('cn-zrh-geneva', '/sharedkey', 'rg-Zürich-vpn'), { body: { value: 'abc' } });
    assert.deepStrictEqual([put.status, put.body.error.code], [500, 'InternalServerError']);
  });

  it('drops the connection without an answer, then answers the next request', async () => {
    await emulator.control.addFault({ pathPattern: 'cn-prod-we-paris$', dropConnection: true });
    await assert.rejects(emulator.request('GET', paris), (e: NodeJS.ErrnoException) => ['ECONNRESET', 'EPIPE'].includes(e.code ?? '') || /socket hang up/.test(e.message));
    assert.strictEqual((await emulator.request('GET', paris)).status, 200);
    const log = await emulator.control.requests();
    assert.ok(log.some((r) => r.path.endsWith('/cn-prod-we-paris') && r.status === 0), 'the log shows the dropped request');
  });

  it('lets an operation be accepted and then fail: the key is unchanged and the connection free again', async () => {
    const before = await emulator.storedKey('cn-prod-we-paris');
    await emulator.control.addFault({ method: 'PUT', pathPattern: 'sharedkey$', lroOutcome: 'Failed', errorCode: 'GatewayUnreachable', message: 'The gateway did not answer.' });
    const started = await emulator.request('PUT', connectionPath('cn-prod-we-paris', '/sharedkey'), { body: { value: 'never-applied' } });
    assert.strictEqual(started.status, 201, 'accepted');
    const done = await emulator.waitForOperation(String(started.headers['azure-asyncoperation']));
    assert.deepStrictEqual([done.body.status, done.body.error], ['Failed', { code: 'GatewayUnreachable', message: 'The gateway did not answer.' }]);
    assert.ok((await emulator.storedKey('cn-prod-we-paris')) === before, 'the key did not change');
    const again = await emulator.request('PUT', connectionPath('cn-prod-we-paris', '/sharedkey'), { body: { value: 'applied' } });
    assert.strictEqual(again.status, 201, 'no Updating window after a failure');
  });

  it('answers a failed operation’s Location with its error', async () => {
    await emulator.control.addFault({ method: 'POST', pathPattern: 'sharedkey/reset$', lroOutcome: 'Failed' });
    const started = await emulator.request('POST', connectionPath('cn-prod-we-paris', '/sharedkey/reset'), { body: { keyLength: 20 } });
    await emulator.waitForOperation(String(started.headers['azure-asyncoperation']));
    const result = await emulator.request('GET', String(started.headers.location));
    assert.deepStrictEqual([result.status, result.body.error.code], [500, 'InternalServerError']);
  });

  it('can leave an operation stuck InProgress: the connection stays Updating and refuses writes until reset', async () => {
    await emulator.control.addFault({ method: 'POST', pathPattern: 'sharedkey/reset$', lroOutcome: 'Stuck' });
    const started = await emulator.request('POST', connectionPath('cn-prod-we-paris', '/sharedkey/reset'), { body: { keyLength: 20 } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.strictEqual((await emulator.request('GET', String(started.headers['azure-asyncoperation']))).body.status, 'InProgress');
    assert.strictEqual((await emulator.request('GET', paris)).body.properties.provisioningState, 'Updating');
    assert.strictEqual((await emulator.request('PUT', connectionPath('cn-prod-we-paris', '/sharedkey'), { body: { value: 'x' } })).status, 409);
    await emulator.reset();
    assert.strictEqual((await emulator.request('GET', paris)).body.properties.provisioningState, 'Succeeded');
  });

  it('lists and clears faults, and refuses a fault it cannot apply', async () => {
    await emulator.control.addFault({ pathPattern: 'a', status: 500, count: 3 });
    await emulator.control.addFault({ pathPattern: 'b', dropConnection: true });
    assert.deepStrictEqual((await emulator.control.faults()).map((f) => [f.pathPattern, f.remaining]), [['a', 3], ['b', 1]]);
    await emulator.control.clearFaults();
    assert.deepStrictEqual(await emulator.control.faults(), []);
    for (const bad of [{ pathPattern: '(' , status: 500 }, { pathPattern: 'x' }, { pathPattern: 'x', status: 200 }, { pathPattern: 'x', lroOutcome: 'Later' }]) {
      await assert.rejects(emulator.control.addFault(bad as never), (e: { status?: number }) => e.status === 400, JSON.stringify(bad));
    }
  });
});
