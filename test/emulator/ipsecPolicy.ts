// Checks of a connection's tunnel settings in a PUT, against the swagger's enums and the ranges
// Azure documents for custom IPsec/IKE policies: ipsecPolicies, dpdTimeoutSeconds, connectionMode,
// policy-based traffic selectors, routingWeight. Enum values match whatever their case and are
// stored as the swagger spells them. The error names the property path and what is allowed.
import { ArmError, missingProperty, wrongType } from './armErrors';
import { asObject } from './requestBody';

const ENUMS = {
  ipsecEncryption: ['None', 'DES', 'DES3', 'AES128', 'AES192', 'AES256', 'GCMAES128', 'GCMAES192', 'GCMAES256'],
  ipsecIntegrity: ['MD5', 'SHA1', 'SHA256', 'GCMAES128', 'GCMAES192', 'GCMAES256'],
  ikeEncryption: ['DES', 'DES3', 'AES128', 'AES192', 'AES256', 'GCMAES256', 'GCMAES128'],
  ikeIntegrity: ['MD5', 'SHA1', 'SHA256', 'SHA384', 'GCMAES256', 'GCMAES128'],
  dhGroup: ['None', 'DHGroup1', 'DHGroup2', 'DHGroup14', 'DHGroup2048', 'ECP256', 'ECP384', 'DHGroup24'],
  pfsGroup: ['None', 'PFS1', 'PFS2', 'PFS2048', 'ECP256', 'ECP384', 'PFS24', 'PFS14', 'PFSMM'],
} as const;

/** Ranges Azure documents (VPN Gateway: IPsec/IKE policy, DPD timeout, routing weight). */
const RANGES = {
  saLifeTimeSeconds: [300, 172_799],
  saDataSizeKilobytes: [1024, 2_147_483_647],
  dpdTimeoutSeconds: [9, 3600],
  routingWeight: [0, 32_000],
} as const;

const CONNECTION_MODES = ['Default', 'ResponderOnly', 'InitiatorOnly'];
const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

function invalid(path: string, message: string): ArmError {
  return new ArmError(400, 'InvalidRequestFormat', `Cannot parse the request: the value of '${path}' is invalid. ${message}`);
}

function oneOf(value: unknown, path: string, allowed: readonly string[]): string {
  if (typeof value !== 'string') throw wrongType(path, value, 'String');
  const found = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (!found) throw invalid(path, `Allowed values: ${allowed.join(', ')}.`);
  return found;
}

function inRange(value: unknown, path: string, [min, max]: readonly [number, number]): number {
  if (!Number.isInteger(value)) throw wrongType(path, value, 'Int32');
  if ((value as number) < min || (value as number) > max) throw invalid(path, `It must be between ${min} and ${max}.`);
  return value as number;
}

function ipsecPolicy(value: unknown, path: string): Record<string, unknown> {
  const policy = asObject(value, path, 'IpsecPolicy');
  const checked: Record<string, unknown> = {};
  for (const key of ['saLifeTimeSeconds', 'saDataSizeKilobytes'] as const) {
    if (policy[key] === undefined) throw missingProperty(`${path}.${key}`);
    checked[key] = inRange(policy[key], `${path}.${key}`, RANGES[key]);
  }
  for (const key of Object.keys(ENUMS) as Array<keyof typeof ENUMS>) {
    if (policy[key] === undefined) throw missingProperty(`${path}.${key}`);
    checked[key] = oneOf(policy[key], `${path}.${key}`, ENUMS[key]);
  }
  const encryption = checked.ipsecEncryption as string;
  if (encryption.startsWith('GCM') && checked.ipsecIntegrity !== encryption) {
    throw invalid(`${path}.ipsecIntegrity`, `With ipsecEncryption ${encryption}, ipsecIntegrity must be ${encryption} too.`);
  }
  return checked;
}

function addressRanges(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) throw wrongType(path, value, 'List`1');
  return value.map((range, i) => {
    const m = typeof range === 'string' ? CIDR.exec(range) : null;
    if (!m || m.slice(1, 5).some((octet) => Number(octet) > 255) || Number(m[5]) > 32) throw invalid(`${path}[${i}]`, 'It must be an IPv4 address range in CIDR notation, such as 10.1.0.0/16.');
    return range as string;
  });
}

function trafficSelector(value: unknown, path: string): Record<string, unknown> {
  const selector = asObject(value, path, 'TrafficSelectorPolicy');
  for (const key of ['localAddressRanges', 'remoteAddressRanges']) if (selector[key] === undefined) throw missingProperty(`${path}.${key}`);
  return { localAddressRanges: addressRanges(selector.localAddressRanges, `${path}.localAddressRanges`), remoteAddressRanges: addressRanges(selector.remoteAddressRanges, `${path}.remoteAddressRanges`) };
}

function list(value: unknown, path: string, item: (v: unknown, path: string) => Record<string, unknown>): Array<Record<string, unknown>> {
  if (!Array.isArray(value)) throw wrongType(path, value, 'List`1');
  return value.map((v, i) => item(v, `${path}[${i}]`));
}

/** The tunnel settings of a PUT's properties, checked; the checked values replace the given ones. */
export function checkTunnelSettings(props: Record<string, unknown>): Record<string, unknown> {
  const checked: Record<string, unknown> = {};
  if (props.ipsecPolicies !== undefined) {
    const policies = list(props.ipsecPolicies, 'properties.ipsecPolicies', ipsecPolicy);
    if (policies.length > 1) throw invalid('properties.ipsecPolicies', 'A connection takes at most one custom IPsec/IKE policy.');
    checked.ipsecPolicies = policies;
  }
  for (const key of ['dpdTimeoutSeconds', 'routingWeight'] as const) {
    if (props[key] !== undefined) checked[key] = inRange(props[key], `properties.${key}`, RANGES[key]);
  }
  if (props.connectionMode !== undefined) checked.connectionMode = oneOf(props.connectionMode, 'properties.connectionMode', CONNECTION_MODES);
  if (props.trafficSelectorPolicies !== undefined) checked.trafficSelectorPolicies = list(props.trafficSelectorPolicies, 'properties.trafficSelectorPolicies', trafficSelector);
  if (props.usePolicyBasedTrafficSelectors === true && !(checked.ipsecPolicies as unknown[] | undefined)?.length) {
    throw invalid('properties.usePolicyBasedTrafficSelectors', 'Policy-based traffic selectors need a custom IPsec/IKE policy in ipsecPolicies.');
  }
  return checked;
}

/** The IPsec/IKE parameters a tunnel uses: the connection's custom policy, or Azure's defaults for route-based gateways. */
export function effectivePolicy(properties: Record<string, unknown>) {
  const custom = (properties.ipsecPolicies as Array<Record<string, unknown>> | undefined)?.[0];
  return {
    saLifeTimeSeconds: (custom?.saLifeTimeSeconds as number) ?? 27_000,
    saDataSizeKilobytes: (custom?.saDataSizeKilobytes as number) ?? 102_400_000,
    ipsecEncryption: (custom?.ipsecEncryption as string) ?? 'GCMAES256',
    ipsecIntegrity: (custom?.ipsecIntegrity as string) ?? 'GCMAES256',
    ikeEncryption: (custom?.ikeEncryption as string) ?? 'AES256',
    ikeIntegrity: (custom?.ikeIntegrity as string) ?? 'SHA1',
    dhGroup: (custom?.dhGroup as string) ?? 'DHGroup2',
    pfsGroup: (custom?.pfsGroup as string) ?? 'None',
    /** IKE phase 1 (main mode) SA lifetime: fixed by Azure. */
    ikeLifeTimeSeconds: 28_800,
  };
}
