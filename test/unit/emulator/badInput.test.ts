// Bad input gets ARM-shaped errors and never takes the emulator down.
import * as assert from 'assert';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { withErrorBoundary } from '../../emulator/handler';
import { connectionPath, groupPath, PROD_GROUP, TestEmulator } from './armClient';

describe('emulator: bad input', function () {
  this.timeout(20_000);
  const emulator = TestEmulator.inSuite();
  afterEach(async () => {
    assert.strictEqual((await emulator.request('GET', connectionPath('cn-prod-we-paris'))).status, 200, 'still answering');
  });

  const putConnection = (body: unknown) => emulator.request('PUT', connectionPath('cn-new'), { body });
  const validConnection = () => ({
    location: 'westeurope',
    properties: {
      connectionType: 'IPsec',
      virtualNetworkGateway1: { id: `/subscriptions/6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b/resourceGroups/${PROD_GROUP}/providers/Microsoft.Network/virtualNetworkGateways/vgw-prod-we` },
      localNetworkGateway2: { id: `/subscriptions/6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b/resourceGroups/${PROD_GROUP}/providers/Microsoft.Network/localNetworkGateways/lgw-paris-office` },
    },
  });

  it('answers malformed JSON with 400 InvalidRequestContent, without quoting the body', async () => {
    for (const rawBody of ['{"value": ', 'not json', '{"value": "Quoted-Key-1",}']) {
      const res = await emulator.request('PUT', connectionPath('cn-prod-we-paris', '/sharedkey'), { rawBody });
      assert.deepStrictEqual([res.status, res.body.error.code], [400, 'InvalidRequestContent'], rawBody);
      assert.ok(!res.text.includes('Quoted-Key-1'), 'the body is not quoted back');
    }
    const empty = await emulator.request('PUT', connectionPath('cn-prod-we-paris', '/sharedkey'));
    assert.deepStrictEqual([empty.status, empty.body.error.code], [400, 'InvalidRequestContent']);
  });

  it('names the property path of a wrong type', async () => {
    const cases: Array<[unknown, string]> = [
      [{ ...validConnection(), properties: { ...validConnection().properties, connectionType: 5 } }, 'properties.connectionType'],
      [{ ...validConnection(), tags: { owner: 42 } }, 'tags.owner'],
      [{ ...validConnection(), properties: { ...validConnection().properties, virtualNetworkGateway1: 'vgw-prod-we' } }, 'properties.virtualNetworkGateway1'],
      [{ ...validConnection(), properties: { ...validConnection().properties, routingWeight: 'high' } }, 'properties.routingWeight'],
      [{ ...validConnection(), properties: { ...validConnection().properties, sharedKey: ['Quoted-Key-2'] } }, 'properties.sharedKey'],
      [{ location: 'westeurope' }, "Required property 'properties'"],
      [[1, 2], "Path ''"],
    ];
    for (const [body, where] of cases) {
      const res = await putConnection(body);
      assert.deepStrictEqual([res.status, res.body.error.code], [400, 'InvalidRequestContent'], where);
      assert.ok(res.body.error.message.includes(where), `${res.body.error.message} names ${where}`);
      assert.ok(!res.text.includes('Quoted-Key-2'), 'the value is not quoted back');
    }
    const value = await emulator.request('PUT', connectionPath('cn-prod-we-paris', '/sharedkey'), { body: { value: 12345 } });
    assert.match(value.body.error.message, /Path 'value'/);
    assert.strictEqual((await emulator.request('GET', connectionPath('cn-new'))).status, 404, 'nothing was created');
  });

  it('answers unknown routes with ARM-shaped 404s', async () => {
    const nowhere = await emulator.request('GET', '/nowhere/at/all');
    assert.deepStrictEqual([nowhere.status, nowhere.body.error.code], [404, 'NotFound']);
    const vnets = await emulator.request('GET', groupPath(PROD_GROUP, '/providers/Microsoft.Network/virtualNetworks'));
    assert.deepStrictEqual([vnets.status, vnets.body.error.code], [404, 'InvalidResourceType']);
    const control = await emulator.request('GET', '/_emulator/nothing-here', { token: null });
    assert.strictEqual(control.status, 404);
  });

  it('answers a wrong method with 405 and the methods allowed', async () => {
    const post = await emulator.request('POST', connectionPath('cn-prod-we-paris'), { body: {} });
    assert.deepStrictEqual([post.status, post.body.error.code, post.headers.allow], [405, 'MethodNotAllowed', 'GET, PUT, PATCH, DELETE']);
    assert.strictEqual((await emulator.request('DELETE', connectionPath('cn-prod-we-paris', '/sharedkey'))).status, 405);
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const res = await emulator.request('PUT', connectionPath('cn-prod-we-paris'), { rawBody: Buffer.alloc(1024 * 1024 + 10, 'a') });
    assert.deepStrictEqual([res.status, res.body.error.code], [413, 'RequestEntityTooLarge']);
  });

  it('refuses a path with broken percent-encoding with 400', async () => {
    const res = await emulator.request('GET', `/subscriptions/6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b/resourceGroups/rg-%E0%A4%A/providers`);
    assert.deepStrictEqual([res.status, res.body.error.code], [400, 'InvalidRequestUri']);
  });

  it('refuses malformed control requests with 400', async () => {
    const res = await emulator.request('POST', '/_emulator/faults', { token: null, rawBody: '{oops' });
    assert.strictEqual(res.status, 400);
  });
});

describe('emulator: unexpected exceptions', () => {
  it('become an ARM-shaped 500 and the server goes on serving', async () => {
    const logged: unknown[] = [];
    let calls = 0;
    const server = http.createServer(
      withErrorBoundary(
        async (_req, res) => {
          calls += 1;
          if (calls === 1) throw new Error('a bug');
          res.end('fine');
        },
        { request: () => undefined, unexpected: (e) => logged.push(e) },
      ),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const get = () =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        http.get(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        }).on('error', reject);
      });
    try {
      const first = await get();
      assert.strictEqual(first.status, 500);
      assert.strictEqual(JSON.parse(first.text).error.code, 'InternalServerError');
      assert.strictEqual(logged.length, 1);
      assert.deepStrictEqual(await get(), { status: 200, text: 'fine' });
    } finally {
      server.close();
    }
  });
});
