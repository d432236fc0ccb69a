// VPN device configuration: the devices Azure has scripts for (POST …/virtualNetworkGateways/{name}/
// supportedvpndevices, XML in a JSON string, as the spec's example) and the script for one
// connection (POST …/connections/{name}/vpndeviceconfigurationscript). The script holds the shared
// key, as Azure's does: it is only ever sent in that answer, never logged.
import { ArmError, resourceNotFound } from './armErrors';
import { authorize, findGroup, type ArmHandler } from './arm';
import { armId } from './builders';
import { findConnection, locate, scope } from './connections';
import { asnOf, gatewayOf, instances, remoteBgp, remoteEndpoint, remotePrefixes, vnetPrefix } from './endpoints';
import { effectivePolicy } from './ipsecPolicy';
import { asObject, optional } from './requestBody';
import { lookupKey, type StoredConnection } from './world';

/** Vendor → device family → firmware versions, as in the spec's example. */
const DEVICES: Record<string, Record<string, string[]>> = {
  Cisco: { ISR: ['IOS 15.1 (Preview)'], 'ASA (Adaptive Security Appliance)': ['ASA_9.8.x_ActivePassive_NoBGP_NoCustomPolicies', 'ASA_9.8(x)_CustomPolicies'] },
  Juniper: { Juniper_SRX_GA: ['Juniper_SRX_12.x_GA'], Juniper_SSG_GA: ['Juniper_SSG_ScreenOS-6.2.x_GA'], Juniper_JSeries_GA: ['Juniper_JSeries_JunOS12.x._GA'] },
  Ubiquiti: { EdgeRouter: ['Ubiquiti_EdgeOS_1.10.x-RouteBased_VTI', 'Ubiquiti_EdgeOS_1.10.x-RouteBased_BGP'] },
};

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function supportedDevicesXml(): string {
  const vendors = Object.entries(DEVICES).map(([vendor, families]) => {
    const inner = Object.entries(families)
      .map(([family, firmware]) => `<DeviceFamily name="${escapeXml(family)}">${firmware.map((f) => `<FirmwareVersion name="${escapeXml(f)}" />`).join('')}</DeviceFamily>`)
      .join('');
    return `<Vendor name="${escapeXml(vendor)}">${inner}</Vendor>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?><RpVpnDeviceList version="1.0">${vendors.join('')}</RpVpnDeviceList>`;
}

export const supportedVpnDevices: ArmHandler = (req, b) => {
  const { sub, group } = findGroup(req, b);
  const gateway = group.gateways.get(lookupKey(req.params.name));
  if (!gateway) throw resourceNotFound('virtualNetworkGateways', req.params.name, req.params.group);
  authorize(req.caller, 'Microsoft.Network/virtualNetworkGateways/supportedvpndevices/action', armId(sub.subscriptionId, group.name, 'virtualNetworkGateways', gateway.name));
  return { status: 200, body: supportedDevicesXml() };
};

/** The catalogue's own spelling of what was asked for (matched whatever the case), or ARM's 400. */
function chosenDevice(body: Record<string, unknown>): { vendor: string; family: string; firmware: string } {
  for (const key of ['vendor', 'deviceFamily', 'firmwareVersion']) optional(body, key, key, 'string');
  const pick = (names: string[], wanted: unknown) => names.find((n) => n.toLowerCase() === String(wanted ?? '').toLowerCase());
  const vendor = pick(Object.keys(DEVICES), body.vendor);
  const family = vendor && pick(Object.keys(DEVICES[vendor]), body.deviceFamily);
  const firmware = vendor && family && pick(DEVICES[vendor][family], body.firmwareVersion);
  if (!vendor || !family || !firmware) {
    throw new ArmError(
      400,
      'InvalidRequestFormat',
      `Cannot parse the request: no VPN device configuration script for vendor '${body.vendor ?? ''}', device family '${body.deviceFamily ?? ''}', firmware version '${body.firmwareVersion ?? ''}'. The supported devices are listed by POST …/virtualNetworkGateways/{name}/supportedvpndevices.`,
    );
  }
  return { vendor, family, firmware };
}

function script(c: StoredConnection, device: { vendor: string; family: string; firmware: string }, facts: ScriptFacts): string {
  const policy = effectivePolicy(c.properties);
  const lines = [
    '! Microsoft Corporation (Azure Resource Manager emulator)',
    `! Sample VPN tunnel configuration for ${device.vendor} ${device.family}, firmware ${device.firmware}`,
    `! Connection: ${c.name} (${c.properties.connectionProtocol ?? 'IKEv2'})`,
    '!',
    '! ACL rules: on-premises address ranges to the virtual network',
    ...facts.remotePrefixes.map((p) => `access-list 101 permit ip ${p} ${facts.vnet ?? 'any'}`),
    '!',
    '! IKE (phase 1)',
    `crypto ikev2 proposal ${c.name}-proposal`,
    `  encryption ${policy.ikeEncryption}`,
    `  integrity  ${policy.ikeIntegrity}`,
    `  group      ${policy.dhGroup}`,
    `  lifetime   ${policy.ikeLifeTimeSeconds}`,
    ' exit',
    `crypto ikev2 keyring ${c.name}-keyring`,
    ...facts.gatewayAddresses.flatMap((ip) => [`  peer ${ip}`, `    address        ${ip}`, `    pre-shared-key ${String(c.properties.sharedKey)}`]),
    ' exit',
    '!',
    '! IPsec (phase 2)',
    `crypto ipsec transform-set ${c.name}-TransformSet ${policy.ipsecEncryption} ${policy.ipsecIntegrity}`,
    ` set pfs ${policy.pfsGroup}`,
    ` set security-association lifetime seconds ${policy.saLifeTimeSeconds}`,
    ` set security-association lifetime kilobytes ${policy.saDataSizeKilobytes}`,
    '!',
    ...facts.gatewayAddresses.flatMap((ip, i) => [`int tunnel ${i + 1}`, `  tunnel source ${facts.localAddress}`, `  tunnel destination ${ip}`, '  tunnel mode ipsec ipv4', '  exit']),
    ...(facts.bgp ? ['!', '! BGP', `router bgp ${facts.bgp.localAsn}`, ...facts.bgp.neighbors.map((n) => `  neighbor ${n} remote-as ${facts.bgp!.azureAsn}`), ' exit'] : []),
  ];
  return lines.join('\r\n');
}

interface ScriptFacts {
  gatewayAddresses: string[];
  remotePrefixes: string[];
  vnet?: string;
  localAddress: string;
  bgp?: { localAsn: number; azureAsn: number; neighbors: string[] };
}

export const vpnDeviceConfigurationScript: ArmHandler = (req, b) => {
  const at = locate(req, b);
  authorize(req.caller, 'Microsoft.Network/connections/vpndeviceconfigurationscript/action', scope(req));
  const c = findConnection(req, at);
  const device = chosenDevice(asObject(req.body, '', 'VpnDeviceScriptParameters'));
  if (c.properties.connectionType !== 'IPsec' || typeof c.properties.sharedKey !== 'string') {
    throw new ArmError(400, 'VpnDeviceScriptNotSupported', `Connection ${at.id} is not a site-to-site (IPsec) connection with a pre-shared key: there is no device configuration script for it.`);
  }
  const gateway = gatewayOf(b, c);
  const remote = remoteBgp(b, c);
  const facts: ScriptFacts = {
    gatewayAddresses: instances(gateway).map((i) => i.tunnelIp),
    remotePrefixes: remotePrefixes(b, c),
    vnet: vnetPrefix(gateway),
    localAddress: remoteEndpoint(b, c),
    ...(c.properties.enableBgp === true && remote ? { bgp: { localAsn: remote.asn, azureAsn: asnOf(gateway), neighbors: instances(gateway).map((i) => i.bgpIp) } } : {}),
  };
  return { status: 200, body: script(c, device, facts) };
};
