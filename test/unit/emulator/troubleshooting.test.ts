// The troubleshooting routes: IKE SAs and reset of a connection, BGP peers and routes of a gateway,
// supported VPN devices and a device's configuration script; their long-running behaviour (Location,
// failure, a stuck operation the client gives up on); and the responses against the swagger.
import * as assert from 'assert';
import { PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/defaultData';
import { connectionPath, groupPath, PROD_GROUP, TestEmulator, type ArmResponse } from './armClient';
import { Swagger } from './swagger';

const swagger = new Swagger();
const LAB = 'rg-lab.vpn-eastus';
const LAB_SUB = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
const gatewayPath = (name: string, suffix: string, group = PROD_GROUP) => groupPath(group, `/providers/Microsoft.Network/virtualNetworkGateways/${name}${suffix}`);

describe('emulator: troubleshooting routes', function () {
  this.timeout(20_000);
  const emulator = TestEmulator.inSuite({ connectDelayMs: 1500 });

  /** Starts a long-running POST and follows its Location to the final answer. */
  async function run(path: string, body?: unknown): Promise<ArmResponse> {
    const started = await emulator.request('POST', path, { body });
    assert.strictEqual(started.status, 202, started.text);
    assert.ok(started.headers['azure-asyncoperation'], 'Azure-AsyncOperation');
    await emulator.waitForOperation(String(started.headers['azure-asyncoperation']));
    return emulator.request('GET', String(started.headers.location));
  }
  const ikeSas = async (name: string, group = PROD_GROUP, sub = PRODUCTION_SUBSCRIPTION_ID) => {
    const res = await run(connectionPath(name, '/getikesas', group, sub));
    assert.strictEqual(res.status, 200);
    assert.strictEqual(typeof res.body, 'string', 'a JSON string');
    return JSON.parse(res.body) as { Status: string; Data: Array<Record<string, any>> | null }; // eslint-disable-line @typescript-eslint/no-explicit-any -- SA fields
  };
  const status = async (name: string) => (await emulator.request('GET', connectionPath(name))).body.properties.connectionStatus;

  it('lists the IKE SAs of a Connected tunnel: one per gateway instance, its addresses and Azure’s default policy', async () => {
    const gateway = (await emulator.request('GET', gatewayPath('vgw-prod-we', ''))).body.properties.bgpSettings.bgpPeeringAddresses;
    const sas = await ikeSas('cn-prod-we-paris');
    assert.strictEqual(sas.Status, 'Successful');
    assert.deepStrictEqual(sas.Data!.map((sa) => sa.localEndpoint), gateway.map((a: { tunnelIpAddresses: string[] }) => a.tunnelIpAddresses[0]));
    const [sa] = sas.Data!;
    assert.deepStrictEqual([sa.remoteEndpoint, sa.encryption, sa.integrity, sa.dhGroup, sa.lifeTimeSeconds], ['203.0.113.10', 'AES256', 'SHA1', 'DHGroup2', 28800]);
    assert.deepStrictEqual([sa.quickModeSa[0].encryption, sa.quickModeSa[0].lifeTimeSeconds, sa.quickModeSa[0].lifetimeKilobytes], ['GCMAES256', 27000, 102400000]);
  });

  it('shows a connection’s custom IPsec policy in its SAs, and no SAs while a tunnel is down', async () => {
    const [sa] = (await ikeSas('cn-lab-fabrikam', LAB, LAB_SUB)).Data!;
    assert.deepStrictEqual([sa.integrity, sa.dhGroup, sa.quickModeSa[0].encryption, sa.quickModeSa[0].pfsGroupId, sa.quickModeSa[0].lifeTimeSeconds], ['SHA384', 'DHGroup24', 'AES256', 'PFS24', 3600]);
    assert.deepStrictEqual(await ikeSas('cn-zrh-geneva', 'rg-Zürich-vpn'), { Status: 'Successful', Data: null });
  });

  it('resets a connection: 202 with Location, the tunnel negotiates again, then it is Connected', async () => {
    const started = await emulator.request('POST', connectionPath('cn-prod-we-paris', '/resetconnection'));
    assert.strictEqual(started.status, 202);
    await emulator.waitForOperation(String(started.headers['azure-asyncoperation']));
    assert.strictEqual((await emulator.request('GET', String(started.headers.location))).status, 200);
    assert.strictEqual(await status('cn-prod-we-paris'), 'Connecting');
    assert.deepStrictEqual((await ikeSas('cn-prod-we-paris')).Data, null, 'no SAs while it negotiates');
    for (let i = 0; (await status('cn-prod-we-paris')) !== 'Connected'; i++) {
      assert.ok(i < 200, 'Connected again after the connect delay');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  });

  it('leaves the tunnel as it was when the reset fails, and answers the failure on Location', async () => {
    await emulator.control.addFault({ pathPattern: 'cn-prod-we-paris/resetconnection$', lroOutcome: 'Failed', errorCode: 'GatewayResetFailed' });
    const started = await emulator.request('POST', connectionPath('cn-prod-we-paris', '/resetconnection'));
    const done = await emulator.waitForOperation(String(started.headers['azure-asyncoperation']));
    assert.deepStrictEqual([done.body.status, done.body.error.code], ['Failed', 'GatewayResetFailed']);
    const result = await emulator.request('GET', String(started.headers.location));
    assert.deepStrictEqual([result.status, result.body.error.code], [500, 'GatewayResetFailed']);
    assert.strictEqual(await status('cn-prod-we-paris'), 'Connected');
  });

  it('lets a client give up on a stuck read: nothing is held, and the operation is gone after a reset', async () => {
    await emulator.control.addFault({ pathPattern: 'getikesas$', lroOutcome: 'Stuck' });
    const started = await emulator.request('POST', connectionPath('cn-prod-we-lyon', '/getikesas'));
    const location = String(started.headers.location);
    assert.strictEqual((await emulator.request('GET', location)).status, 202);
    const set = await emulator.request('PUT', connectionPath('cn-prod-we-lyon', '/sharedkey'), { body: { value: 'While-Stuck' } });
    assert.strictEqual(set.status, 201, 'the connection is not held by the read');
    await emulator.reset();
    assert.deepStrictEqual((await emulator.request('GET', location)).body.error.code, 'OperationNotFound');
  });

  it('reports BGP peers per gateway instance, Connected only while their tunnel is, and filters by peer', async () => {
    const peers = (await run(gatewayPath('vgw-prod-we', '/getBgpPeerStatus'))).body.value;
    assert.deepStrictEqual(
      peers.map((p: { neighbor: string; asn: number; state: string }) => [p.neighbor, p.asn, p.state]),
      [['169.254.21.1', 65110, 'Connected'], ['169.254.21.2', 65120, 'Connected'], ['169.254.21.1', 65110, 'Connected'], ['169.254.21.2', 65120, 'Connected']],
    );
    assert.ok(peers.every((p: { routesReceived: number }) => p.routesReceived === 1));
    await emulator.control.setDevice(PRODUCTION_SUBSCRIPTION_ID, PROD_GROUP, 'lgw-paris-office', { sharedKey: 'Not-Paris-Key' });
    const paris = (await run(`${gatewayPath('vgw-prod-we', '/getBgpPeerStatus')}?peer=169.254.21.1`)).body.value;
    assert.deepStrictEqual(paris.map((p: { state: string; routesReceived: number }) => [p.state, p.routesReceived]), [['Idle', 0], ['Idle', 0]]);
  });

  it('learns routes from the data: its network, static prefixes, and what Connected BGP peers announce', async () => {
    const routes = (await run(gatewayPath('vgw-prod-we', '/getLearnedRoutes'))).body.value as Array<Record<string, string>>;
    const first = routes.filter((r) => r.localAddress === routes[0].localAddress).map((r) => [r.network, r.origin, r.sourcePeer === r.localAddress ? 'self' : r.sourcePeer]);
    assert.deepStrictEqual(first, [
      ['10.10.0.0/16', 'Network', 'self'],
      ['10.111.0.0/16', 'Network', 'self'],
      ['10.112.0.0/24', 'Network', 'self'],
      ['10.110.0.0/16', 'EBgp', '169.254.21.1'],
      ['10.120.0.0/16', 'EBgp', '169.254.21.2'],
    ]);
  });

  it('advertises to a peer what it learned from the others, with its own ASN first; the peer is required', async () => {
    const routes = (await run(`${gatewayPath('vgw-prod-we', '/getAdvertisedRoutes')}?peer=169.254.21.1`)).body.value as Array<Record<string, string>>;
    const networks = new Map(routes.map((r) => [r.network, r.asPath]));
    assert.deepStrictEqual([networks.get('10.10.0.0/16'), networks.get('10.120.0.0/16'), networks.has('10.110.0.0/16')], ['65010', '65010-65120', false]);
    const missing = await emulator.request('POST', gatewayPath('vgw-prod-we', '/getAdvertisedRoutes'));
    assert.deepStrictEqual([missing.status, missing.body.error.code], [400, 'InvalidRequestFormat']);
  });

  it('lists the supported VPN devices as XML in a JSON string, vendors → families → firmware', async () => {
    const res = await emulator.request('POST', gatewayPath('vgw-prod-we', '/supportedvpndevices'));
    assert.strictEqual(res.status, 200);
    assert.match(res.body, /^<\?xml version="1\.0" encoding="utf-8"\?><RpVpnDeviceList version="1\.0">.*<\/RpVpnDeviceList>$/);
    const vendors = [...String(res.body).matchAll(/<Vendor name="([^"]+)">/g)].map((m) => m[1]);
    assert.deepStrictEqual(vendors, ['Cisco', 'Juniper', 'Ubiquiti']);
    assert.match(res.body, /<DeviceFamily name="ISR"><FirmwareVersion name="IOS 15\.1 \(Preview\)" \/><\/DeviceFamily>/);
  });

  it('writes a device configuration script with the gateway’s addresses, the on-premises prefixes and the key', async () => {
    const device = { vendor: 'Cisco', deviceFamily: 'ISR', firmwareVersion: 'IOS 15.1 (Preview)' };
    const res = await emulator.request('POST', connectionPath('cn-prod-we-paris', '/vpndeviceconfigurationscript'), { body: device });
    assert.strictEqual(res.status, 200);
    const key = await emulator.storedKey('cn-prod-we-paris');
    assert.ok(res.body.includes(`pre-shared-key ${key}`), 'the shared key is in the script');
    for (const text of ['10.110.0.0/16', 'router bgp 65110', 'neighbor 10.10.255.254 remote-as 65010']) assert.ok(res.body.includes(text), text);
    const log = await emulator.control.requests();
    assert.ok(!JSON.stringify(log).includes(key!), 'never in the request log');

    const unknown = await emulator.request('POST', connectionPath('cn-prod-we-paris', '/vpndeviceconfigurationscript'), { body: { ...device, firmwareVersion: 'IOS 99' } });
    assert.deepStrictEqual([unknown.status, unknown.body.error.code], [400, 'InvalidRequestFormat']);
    const vnet = await emulator.request('POST', connectionPath('cn-prod-we-zurich', '/vpndeviceconfigurationscript'), { body: device });
    assert.deepStrictEqual([vnet.status, vnet.body.error.code], [400, 'VpnDeviceScriptNotSupported']);
    const reader = await emulator.request('POST', connectionPath('cn-prod-we-paris', '/vpndeviceconfigurationscript'), { body: device, token: await emulator.token('reader') });
    assert.strictEqual(reader.status, 403);
  });

  it('answers every new route in the swagger’s shapes', async () => {
    const problems: string[] = [];
    const check = (what: string, definition: string, body: unknown) => problems.push(...swagger.errors(definition, body).map((e) => `${what}: ${e}`));
    check('peers', 'BgpPeerStatusListResult', (await run(gatewayPath('vgw-prod-we', '/getBgpPeerStatus'))).body);
    check('learned', 'GatewayRouteListResult', (await run(gatewayPath('vgw-prod-we', '/getLearnedRoutes'))).body);
    check('advertised', 'GatewayRouteListResult', (await run(`${gatewayPath('vgw-prod-we', '/getAdvertisedRoutes')}?peer=169.254.21.2`)).body);
    const ike = await emulator.request('POST', connectionPath('cn-prod-we-expressroute', '/getikesas'));
    check('ExpressRoute IKE SAs', './network.json#/definitions/CloudError', ike.body);
    check('reset 404', './network.json#/definitions/CloudError', (await emulator.request('POST', connectionPath('cn-nope', '/resetconnection'))).body);
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(ike.status, 400);
  });
});
