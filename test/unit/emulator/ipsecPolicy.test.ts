// PUT on a connection checks its tunnel settings as Azure does (custom IPsec/IKE policy, DPD
// timeout, connection mode, traffic selectors, routing weight), and an update ignores sharedKey.
import * as assert from 'assert';
import { FABRIKAM_POLICY } from '../../emulator/defaultData';
import { connectionPath, TestEmulator } from './armClient';

const POLICY = FABRIKAM_POLICY;

describe('emulator: PUT checks a connection’s tunnel settings', function () {
  this.timeout(20_000);
  const emulator = TestEmulator.inSuite();

  /** A PUT of Lyon as it is, with some properties changed. */
  async function putLyon(change: Record<string, unknown>) {
    const current = (await emulator.request('GET', connectionPath('cn-prod-we-lyon'))).body;
    const { connectionType, virtualNetworkGateway1, localNetworkGateway2 } = current.properties;
    const properties = { connectionType, virtualNetworkGateway1: { id: virtualNetworkGateway1.id }, localNetworkGateway2: { id: localNetworkGateway2.id }, ...change };
    return emulator.request('PUT', connectionPath('cn-prod-we-lyon'), { body: { location: current.location, properties } });
  }

  const refused: Array<[string, Record<string, unknown>, string]> = [
    ['a policy without dhGroup', { ipsecPolicies: [{ ...POLICY, dhGroup: undefined }] }, 'InvalidRequestContent'],
    ['an unknown DH group', { ipsecPolicies: [{ ...POLICY, dhGroup: 'DHGroup99' }] }, 'InvalidRequestFormat'],
    ['an SA lifetime under 300 s', { ipsecPolicies: [{ ...POLICY, saLifeTimeSeconds: 100 }] }, 'InvalidRequestFormat'],
    ['an SA data size as a string', { ipsecPolicies: [{ ...POLICY, saDataSizeKilobytes: '1024' }] }, 'InvalidRequestContent'],
    ['GCM encryption with another integrity', { ipsecPolicies: [{ ...POLICY, ipsecEncryption: 'GCMAES256', ipsecIntegrity: 'SHA256' }] }, 'InvalidRequestFormat'],
    ['two policies', { ipsecPolicies: [POLICY, POLICY] }, 'InvalidRequestFormat'],
    ['a DPD timeout of 5 s', { dpdTimeoutSeconds: 5 }, 'InvalidRequestFormat'],
    ['an unknown connection mode', { connectionMode: 'Sometimes' }, 'InvalidRequestFormat'],
    ['policy-based traffic selectors without a policy', { usePolicyBasedTrafficSelectors: true }, 'InvalidRequestFormat'],
    ['a traffic selector that is not CIDR', { trafficSelectorPolicies: [{ localAddressRanges: ['10.0.0.0/33'], remoteAddressRanges: [] }] }, 'InvalidRequestFormat'],
    ['a traffic selector without remote ranges', { trafficSelectorPolicies: [{ localAddressRanges: ['10.0.0.0/16'] }] }, 'InvalidRequestContent'],
    ['a routing weight of 40000', { routingWeight: 40000 }, 'InvalidRequestFormat'],
    ['enableBgp as a string', { enableBgp: 'yes' }, 'InvalidRequestContent'],
  ];
  for (const [what, change, code] of refused) {
    it(`refuses ${what} (400 ${code}), naming the property`, async () => {
      const res = await putLyon(JSON.parse(JSON.stringify(change)));
      assert.deepStrictEqual([res.status, res.body.error.code], [400, code], res.text);
      const property = Object.keys(change)[0];
      assert.ok(res.body.error.message.includes(property), res.body.error.message);
    });
  }

  it('accepts a valid policy with its values in any case, and stores them as the swagger spells them', async () => {
    const res = await putLyon({ ipsecPolicies: [{ ...POLICY, ikeIntegrity: 'sha384', pfsGroup: 'pfs24' }], usePolicyBasedTrafficSelectors: true, connectionMode: 'responderonly', dpdTimeoutSeconds: 30 });
    assert.strictEqual(res.status, 200, res.text);
    await emulator.waitForOperation(String(res.headers['azure-asyncoperation']));
    const stored = (await emulator.request('GET', connectionPath('cn-prod-we-lyon'))).body.properties;
    assert.deepStrictEqual([stored.ipsecPolicies, stored.connectionMode, stored.dpdTimeoutSeconds], [[POLICY], 'ResponderOnly', 30]);
  });

  it('ignores sharedKey in an update, as Azure does: only the sharedkey routes change a key', async () => {
    const before = await emulator.storedKey('cn-prod-we-lyon');
    const res = await putLyon({ sharedKey: 'Changed-Through-Put' });
    assert.strictEqual(res.status, 200);
    await emulator.waitForOperation(String(res.headers['azure-asyncoperation']));
    const after = await emulator.storedKey('cn-prod-we-lyon');
    assert.ok(after === before, 'the key did not change');
  });
});
