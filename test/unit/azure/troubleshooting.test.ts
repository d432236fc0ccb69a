// Troubleshooting a tunnel through the azure layer, against the emulator: IKE SAs, reset, BGP peers
// and routes, VPN devices and a device's script, and updating a connection's settings. Each
// long-running one also fails and is given up on; the emulator's state is the ground truth.
import * as assert from 'assert';
import type { AzureVpnApi } from '../../../src/azure/api';
import { AzureError, StoppedWaitingError } from '../../../src/azure/errors';
import type { ConnectionRef, OperationOptions } from '../../../src/azure/model';
import { FABRIKAM_POLICY, LAB_SUBSCRIPTION_ID, PRODUCTION_SUBSCRIPTION_ID } from '../../emulator/defaultData';
import { emulatorConnection, emulatorKey, startFixture, type Fixture } from './fixture';

const prodGroup = 'rg-vpn.prod(westeurope)_01';
const paris: ConnectionRef = { subscriptionId: PRODUCTION_SUBSCRIPTION_ID, resourceGroup: prodGroup, name: 'cn-prod-we-paris' };
const lyon: ConnectionRef = { ...paris, name: 'cn-prod-we-lyon' };
const fabrikam: ConnectionRef = { subscriptionId: LAB_SUBSCRIPTION_ID, resourceGroup: 'rg-lab.vpn-eastus', name: 'cn-lab-fabrikam' };
const prodGateway = { subscriptionId: PRODUCTION_SUBSCRIPTION_ID, resourceGroup: prodGroup, name: 'vgw-prod-we' };
const isr = { vendor: 'Cisco', deviceFamily: 'ISR', firmwareVersion: 'IOS 15.1 (Preview)' };

function isAzureError(kind: AzureError['kind'], pattern?: RegExp) {
  return (error: unknown) => error instanceof AzureError && error.kind === kind && (!pattern || pattern.test(error.message));
}

/** Options that stop waiting as soon as Azure has accepted the operation. */
function stopOnceAccepted(): OperationOptions {
  const abort = new AbortController();
  return { abortSignal: abort.signal, onProgress: (phase) => phase === 'applying' && setTimeout(() => abort.abort(), 100) };
}

const stoppedWaiting = (error: unknown) => error instanceof StoppedWaitingError;

describe('azure layer: troubleshooting a tunnel', function () {
  this.timeout(30_000);
  let fixture: Fixture;
  let api: AzureVpnApi;

  before(async () => {
    fixture = await startFixture({ connectDelayMs: 300 });
    api = await fixture.api();
  });
  after(() => fixture.close());
  afterEach(() => fixture.control.reset());

  async function status(ref: ConnectionRef): Promise<string> {
    return (await api.getConnection(ref)).status;
  }

  it('reads a connection’s tunnels and settings: two tunnels of the active-active gateway, Azure’s default policy, BGP on', async () => {
    const connection = await api.getConnection(paris);
    assert.deepStrictEqual(connection.tunnels?.map((t) => t.status), ['Connected', 'Connected']);
    assert.ok(connection.tunnels?.every((t) => t.lastConnectedAt && (t.ingressBytes ?? 0) > 0), 'each tunnel has when it connected and its bytes');
    assert.deepStrictEqual(connection.settings, { connectionMode: 'Default', dpdTimeoutSeconds: 45, usePolicyBasedTrafficSelectors: false, routingWeight: 0, enableBgp: true, ipsecPolicy: undefined });
    assert.deepStrictEqual((await api.getConnection(fabrikam)).settings?.ipsecPolicy, FABRIKAM_POLICY);
    const [gateway] = (await api.listGateways({ subscriptionId: PRODUCTION_SUBSCRIPTION_ID, name: prodGroup })).filter((g) => g.name === 'vgw-prod-we');
    assert.strictEqual(gateway.bgpAsn, 65010);
  });

  it('lists the IKE SAs of a Connected tunnel, one main-mode SA per gateway instance with its quick-mode SA, in the custom policy', async () => {
    const sas = await api.getIkeSas(fabrikam);
    assert.strictEqual(sas.length, 1);
    const [sa] = sas;
    assert.deepStrictEqual([sa.encryption, sa.integrity, sa.dhGroup, sa.lifetimeSeconds], ['AES256', 'SHA384', 'DHGroup24', 28800]);
    assert.deepStrictEqual(
      [sa.quickModeSas[0].encryption, sa.quickModeSas[0].integrity, sa.quickModeSas[0].pfsGroup, sa.quickModeSas[0].lifetimeSeconds],
      ['AES256', 'SHA256', 'PFS24', 3600],
    );
    assert.strictEqual((await api.getIkeSas(paris)).length, 2, 'two instances, two main-mode SAs');
  });

  it('lists no IKE SAs while the tunnel is not connected', async () => {
    assert.deepStrictEqual(await api.getIkeSas(lyon), []);
  });

  it('says so when reading the IKE SAs fails, and stops waiting when asked', async () => {
    await fixture.control.addFault({ pathPattern: 'cn-prod-we-paris/getikesas$', lroOutcome: 'Failed', errorCode: 'GatewayUnreachable' });
    await assert.rejects(api.getIkeSas(paris), isAzureError('operationFailed', /GatewayUnreachable/));
    await fixture.control.addFault({ pathPattern: 'cn-prod-we-paris/getikesas$', lroOutcome: 'Stuck' });
    await assert.rejects(api.getIkeSas(paris, stopOnceAccepted()), stoppedWaiting);
  });

  it('resets a connection: the tunnel negotiates again and is Connected after the delay', async () => {
    await api.resetConnection(paris);
    assert.strictEqual(await status(paris), 'Connecting');
    for (let i = 0; (await status(paris)) !== 'Connected'; i++) {
      assert.ok(i < 100, 'Connected again');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  it('reports a failed reset and leaves the tunnel up; a reset while another runs is a conflict; stopping the wait is not a failure', async () => {
    await fixture.control.addFault({ pathPattern: 'cn-prod-we-paris/resetconnection$', lroOutcome: 'Failed', errorCode: 'GatewayResetFailed' });
    await assert.rejects(api.resetConnection(paris), isAzureError('operationFailed', /GatewayResetFailed/));
    assert.strictEqual(await status(paris), 'Connected');
    await fixture.control.addFault({ pathPattern: 'cn-prod-we-paris/resetconnection$', lroOutcome: 'Stuck' });
    await assert.rejects(api.resetConnection(paris, stopOnceAccepted()), stoppedWaiting);
    await assert.rejects(api.resetConnection(paris), isAzureError('conflict'));
  });

  it('reads the BGP peers of a gateway, one session per instance, and the routes it learned and advertises', async () => {
    const sessions = await api.getBgpPeerSessions(prodGateway);
    assert.deepStrictEqual(
      sessions.map((s) => [s.neighbor, s.asn, s.state, s.routesReceived]),
      [['169.254.21.1', 65110, 'Connected', 1], ['169.254.21.2', 65120, 'Connected', 1], ['169.254.21.1', 65110, 'Connected', 1], ['169.254.21.2', 65120, 'Connected', 1]],
    );
    assert.strictEqual(new Set(sessions.map((s) => s.localAddress)).size, 2);
    const learned = await api.getLearnedRoutes(prodGateway);
    assert.ok(learned.some((r) => r.network === '10.110.0.0/16' && r.origin === 'EBgp' && r.sourcePeer === '169.254.21.1'), 'Paris’s prefix learned from Paris');
    const advertised = await api.getAdvertisedRoutes(prodGateway, '169.254.21.1');
    assert.ok(advertised.some((r) => r.network === '10.120.0.0/16' && r.asPath === '65010-65120'), 'Frankfurt’s prefix advertised to Paris');
    assert.ok(!advertised.some((r) => r.network === '10.110.0.0/16'), 'Paris’s own prefix not advertised back to it');
  });

  it('says so when a BGP read fails, and stops waiting when asked', async () => {
    await fixture.control.addFault({ pathPattern: 'vgw-prod-we/getLearnedRoutes$', lroOutcome: 'Failed' });
    await assert.rejects(api.getLearnedRoutes(prodGateway), isAzureError('operationFailed'));
    await fixture.control.addFault({ pathPattern: 'vgw-prod-we/getBgpPeerStatus$', lroOutcome: 'Stuck' });
    await assert.rejects(api.getBgpPeerSessions(prodGateway, stopOnceAccepted()), stoppedWaiting);
    await fixture.control.addFault({ pathPattern: 'vgw-prod-we/getAdvertisedRoutes$', status: 503, count: 10 });
    const impatient = await fixture.api({ deps: { maxRetries: 1 } });
    await assert.rejects(impatient.getAdvertisedRoutes(prodGateway, '169.254.21.1'), isAzureError('unavailable'));
  });

  it('lists the VPN devices Azure has scripts for, vendor → family → firmware', async () => {
    const vendors = await api.listSupportedVpnDevices(prodGateway);
    assert.deepStrictEqual(vendors.map((v) => v.name), ['Cisco', 'Juniper', 'Ubiquiti']);
    assert.deepStrictEqual(vendors[0].families.map((f) => [f.name, f.firmwareVersions.length]), [['ISR', 1], ['ASA (Adaptive Security Appliance)', 2]]);
  });

  it('reads a device’s configuration script with the gateway’s addresses and the connection’s key; refuses a Vnet2Vnet', async () => {
    const script = await api.getVpnDeviceConfigurationScript(paris, isr);
    const key = await emulatorKey(fixture.control, paris);
    assert.ok(key && script.includes(key), 'the script holds the shared key');
    assert.match(script, /crypto ikev2 keyring cn-prod-we-paris-keyring/);
    await assert.rejects(api.getVpnDeviceConfigurationScript({ ...paris, name: 'cn-prod-we-zurich' }, isr), isAzureError('badRequest', /VpnDeviceScriptNotSupported|not a site-to-site/));
  });

  it('updates a connection’s settings and custom policy; the key stays as it was', async () => {
    const key = await emulatorKey(fixture.control, paris);
    const before = (await api.getConnection(paris)).settings!;
    const policy = { ...FABRIKAM_POLICY, ipsecEncryption: 'GCMAES256', ipsecIntegrity: 'GCMAES256' };
    const updated = await api.updateConnectionSettings(paris, { ...before, connectionMode: 'ResponderOnly', dpdTimeoutSeconds: 30, routingWeight: 5, ipsecPolicy: policy, usePolicyBasedTrafficSelectors: true });
    assert.deepStrictEqual(updated.settings, { ...before, connectionMode: 'ResponderOnly', dpdTimeoutSeconds: 30, routingWeight: 5, ipsecPolicy: policy, usePolicyBasedTrafficSelectors: true });
    const stored = (await emulatorConnection(fixture.control, paris))!.properties;
    assert.deepStrictEqual([stored.connectionMode, stored.dpdTimeoutSeconds, stored.routingWeight, stored.ipsecPolicies], ['ResponderOnly', 30, 5, [policy]]);
    assert.ok((await emulatorKey(fixture.control, paris)) === key, 'the key is unchanged');

    await api.updateConnectionSettings(paris, { ...before });
    assert.deepStrictEqual((await emulatorConnection(fixture.control, paris))!.properties.ipsecPolicies, [], 'Azure’s default policy again');
  });

  it('passes on Azure’s refusal of a setting, changing nothing, and a conflict while another write runs', async () => {
    const before = (await api.getConnection(paris)).settings!;
    await assert.rejects(api.updateConnectionSettings(paris, { ...before, dpdTimeoutSeconds: 5 }), isAzureError('badRequest', /dpdTimeoutSeconds/));
    assert.strictEqual((await emulatorConnection(fixture.control, paris))!.properties.dpdTimeoutSeconds, 45);
    const reset = api.resetConnection(paris);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await assert.rejects(api.updateConnectionSettings(paris, { ...before, routingWeight: 3 }), isAzureError('conflict'));
    await reset;
  });
});
