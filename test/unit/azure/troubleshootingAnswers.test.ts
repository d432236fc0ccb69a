// What Azure answers for IKE SAs and supported VPN devices, read as it comes: every shape the IKE SAs
// have been seen in, and the device list of the spec's example (with its misspelled element).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseIkeSas } from '../../../src/azure/ikeSas';
import { parseSupportedVpnDevices } from '../../../src/azure/vpnDevices';

const examples = path.resolve(__dirname, '../../../../test/emulator/specs/network/resource-manager/Microsoft.Network/stable/2025-01-01/examples');
const exampleBody = (file: string) => (JSON.parse(fs.readFileSync(path.join(examples, file), 'utf8')) as { responses: { 200: { body: string } } }).responses[200].body;

const sa = {
  localEndpoint: '10.10.255.254',
  remoteEndpoint: '203.0.113.10',
  encryption: 'AES256',
  integrity: 'SHA384',
  dhGroup: 'DHGroup24',
  lifeTimeSeconds: 28800,
  isSaInitiator: true,
  elapsedTimeInseconds: 3725,
  quickModeSa: [{ encryption: 'GCMAES256', integrity: 'GCMAES256', pfsGroupId: 'PFS24', localTrafficSelectors: ['10.10.0.0/16'], remoteTrafficSelectors: ['10.110.0.0/16'], lifeTimeSeconds: 3600, lifetimeKilobytes: 102400000, elapsedTimeInSeconds: 60 }],
};

describe('Azure’s answers: IKE security associations and VPN devices', () => {
  it('reads IKE SAs wrapped in Status and Data, as a bare list, and encoded twice', () => {
    const wrapped = JSON.stringify({ Status: 'Successful', Data: [sa] });
    for (const answer of [wrapped, JSON.stringify([sa]), JSON.stringify(wrapped)]) {
      const [main] = parseIkeSas(answer);
      assert.deepStrictEqual([main.localEndpoint, main.remoteEndpoint, main.encryption, main.integrity, main.dhGroup, main.lifetimeSeconds, main.elapsedSeconds, main.initiator], ['10.10.255.254', '203.0.113.10', 'AES256', 'SHA384', 'DHGroup24', 28800, 3725, true]);
      const [quick] = main.quickModeSas;
      assert.deepStrictEqual([quick.pfsGroup, quick.lifetimeKilobytes, quick.elapsedSeconds, quick.remoteTrafficSelectors], ['PFS24', 102400000, 60, ['10.110.0.0/16']]);
    }
  });

  it('reads the spec example’s answer (quotes around the JSON, never escaped) as no SAs', () => {
    assert.deepStrictEqual(parseIkeSas(exampleBody('VirtualNetworkGatewayConnectionGetIkeSas.json')), []);
    assert.deepStrictEqual(parseIkeSas(''), []);
  });

  it('leaves out what it cannot read, says so when Azure reports a failure, and refuses what is not JSON', () => {
    const [partial] = parseIkeSas(JSON.stringify({ Data: [{ encryption: 7, dhGroup: 'ECP384', quickModeSa: 'none' }] }));
    assert.deepStrictEqual([partial.encryption, partial.dhGroup, partial.quickModeSas], [undefined, 'ECP384', []]);
    assert.throws(() => parseIkeSas(JSON.stringify({ Status: 'Failed', Data: null })), /status Failed/);
    assert.throws(() => parseIkeSas('<html>busy</html>'), /not JSON/);
  });

  it('reads the spec example’s device list, skipping its misspelled firmware element', () => {
    const vendors = parseSupportedVpnDevices(exampleBody('VirtualNetworkGatewaySupportedVpnDevice.json'));
    assert.deepStrictEqual(
      vendors.map((vendor) => [vendor.name, vendor.families.map((family) => `${family.name}: ${family.firmwareVersions.join(', ')}`)]),
      [
        ['Cisco', ['ISR: IOS 15.1 (Preview)', 'ASA (Adaptive Security Appliance): ASA_9.8.x_ActivePassive_NoBGP_NoCustomPolicies, ASA_9.8(x)_CustomPolicies']],
        ['Juniper', ['Juniper_SRX_GA: Juniper_SRX_12.x_GA', 'Juniper_SSG_GA: Juniper_SSG_ScreenOS-6.2.x_GA', 'Juniper_JSeries_GA: Juniper_JSeries_JunOS12.x._GA']],
        ['Ubiquiti', ['EdgeRouter: Ubiquiti_EdgeOS_1.10.x-RouteBased_VTI']],
      ],
    );
  });

  it('reads one vendor like several, decodes entities, drops families without firmware, and refuses what is not a device list', () => {
    const xml = '<RpVpnDeviceList><Vendor name="A&amp;B"><DeviceFamily name="X"><FirmwareVersion name="1.0"/></DeviceFamily><DeviceFamily name="Empty"/></Vendor></RpVpnDeviceList>';
    assert.deepStrictEqual(parseSupportedVpnDevices(xml), [{ name: 'A&B', families: [{ name: 'X', firmwareVersions: ['1.0'] }] }]);
    assert.throws(() => parseSupportedVpnDevices('{"error":"busy"}'), /other than a list of VPN devices/);
  });
});
