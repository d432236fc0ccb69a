// How a connection's tunnels, policy and IKE SAs, and a gateway's BGP peers, look in the tree.
import * as assert from 'assert';
import { bgpPeerLook, timeSpanSeconds } from '../../../src/tree/bgpLooks';
import { formatDuration, ikeSaItems, policyItem, tunnelItems, type DetailItem } from '../../../src/tree/tunnelLooks';
import { FABRIKAM_POLICY } from '../../emulator/defaultData';

const rows = (items: DetailItem[] | undefined): string[] => (items ?? []).map((item) => `${item.label}: ${item.description ?? ''}`);
const settings = { connectionMode: 'Default' as const, dpdTimeoutSeconds: 45, usePolicyBasedTrafficSelectors: false, routingWeight: 0, enableBgp: false };

describe('tree looks: troubleshooting a tunnel', () => {
  it('shows each tunnel with its status and traffic, coloured by status, and when it last connected', () => {
    const [up, down] = tunnelItems([
      { name: '20.50.1.10_0', status: 'Connected', ingressBytes: 92_000_000_000, egressBytes: 46_000_000, lastConnectedAt: '2025-11-03T07:41:12.000Z' },
      { name: '20.50.1.11_1', status: 'NotConnected', ingressBytes: 0, egressBytes: 0 },
    ]);
    assert.deepStrictEqual([up.label, up.description, up.icon.color], ['20.50.1.10_0', 'Connected · 92.0 GB in · 46.0 MB out', 'testing.iconPassed']);
    assert.match(up.tooltip, /Last connected: 2025-11-03T07:41:12.000Z/);
    assert.deepStrictEqual([down.description, down.icon.color], ['Not connected · 0 B in · 0 B out', 'testing.iconFailed']);
  });

  it('shows Azure’s default policy as one row, and a custom policy’s phases, lifetime and traffic selectors under it', () => {
    assert.deepStrictEqual(rows([policyItem(settings)]), ['IPsec/IKE policy: Azure default policy']);
    const custom = policyItem({ ...settings, ipsecPolicy: FABRIKAM_POLICY, usePolicyBasedTrafficSelectors: true });
    assert.deepStrictEqual(rows(custom.children), [
      'IKE (phase 1): AES256 · SHA384 · DHGroup24',
      'IPsec (phase 2): AES256 · SHA256 · PFS24',
      'SA lifetime: 3,600 s · 102,400,000 KB',
      'Policy-based traffic selectors: on',
    ]);
  });

  it('shows each main-mode SA with its endpoints, algorithms, lifetime and elapsed time, its quick-mode SAs under it', () => {
    const [main] = ikeSaItems([
      {
        localEndpoint: '10.10.255.254',
        remoteEndpoint: '203.0.113.10',
        encryption: 'AES256',
        integrity: 'SHA1',
        dhGroup: 'DHGroup2',
        lifetimeSeconds: 28800,
        elapsedSeconds: 3725,
        initiator: false,
        quickModeSas: [{ localEndpoint: '10.10.255.254', remoteEndpoint: '203.0.113.10', encryption: 'GCMAES256', integrity: 'GCMAES256', pfsGroup: 'None', localTrafficSelectors: ['0.0.0.0/0'], remoteTrafficSelectors: ['0.0.0.0/0'], lifetimeSeconds: 27000, lifetimeKilobytes: 102400000, elapsedSeconds: 65 }],
      },
    ]);
    assert.deepStrictEqual(rows([main]), ['Main mode SA: 10.10.255.254 → 203.0.113.10']);
    assert.deepStrictEqual(rows(main.children), ['IKE: AES256 · SHA1 · DHGroup2', 'Lifetime: 28,800 s, 1 h 02 min elapsed', 'Initiated by: the peer', 'Quick mode SA: 10.10.255.254 → 203.0.113.10']);
    assert.deepStrictEqual(rows(main.children![3].children), ['IPsec: GCMAES256 · GCMAES256 · None', 'Lifetime: 27,000 s · 102,400,000 KB, 1 min 05 s elapsed', 'Traffic selectors: 0.0.0.0/0 ↔ 0.0.0.0/0']);
  });

  it('names unknown values instead of inventing them', () => {
    const [main] = ikeSaItems([{ quickModeSas: [] }]);
    assert.deepStrictEqual(rows([main, ...main.children!]), ['Main mode SA: ? → ?', 'IKE: ? · ? · ?', 'Lifetime: unknown']);
  });

  it('shows a BGP session with the peer’s AS, state and routes, the gateway instance when there are several, and how long it is up', () => {
    const session = { localAddress: '10.10.255.254', neighbor: '169.254.21.1', asn: 65110, state: 'Connected', connectedDuration: '1.02:03:04.5000000', routesReceived: 1, messagesSent: 5, messagesReceived: 6 };
    assert.strictEqual(bgpPeerLook(session, false).description, 'AS 65110 · Connected · 1 route');
    const look = bgpPeerLook(session, true);
    assert.strictEqual(look.description, 'via 10.10.255.254 · AS 65110 · Connected · 1 route');
    assert.match(look.tooltip, /State: Connected for 1 d 02 h/);
    assert.strictEqual(bgpPeerLook({ ...session, state: 'Idle', routesReceived: 0 }, false).icon.color, 'testing.iconFailed');
  });

  it('reads .NET time spans and says durations in words', () => {
    assert.deepStrictEqual(['00:00:45', '01:02:03.1230000', '3.00:00:00', 'soon'].map(timeSpanSeconds), [45, 3723, 259_200, undefined]);
    assert.deepStrictEqual([45, 200, 3725, 90_061].map(formatDuration), ['45 s', '3 min 20 s', '1 h 02 min', '1 d 01 h']);
  });
});
