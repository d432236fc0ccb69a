// A custom IPsec/IKE policy in words, and which values go together: the swagger's enums, with the
// rule Azure documents for GCM (an IPsec GCM cipher needs the same GCM integrity; a GCM integrity
// only goes with that GCM cipher, in IKE as in IPsec). No vscode import: unit-tested in plain Node.
import * as l10n from '@vscode/l10n';
import { ipsecPolicyValues, type IpsecPolicy } from '../azure/connectionSettings';

export type PolicyPhase = 'ike' | 'ipsec';

const isGcm = (algorithm: string | undefined) => !!algorithm?.startsWith('GCM');

/** The integrity algorithms that go with this encryption. */
export function integrityChoices(phase: PolicyPhase, encryption: string | undefined): readonly string[] {
  const all = phase === 'ike' ? ipsecPolicyValues.ikeIntegrity : ipsecPolicyValues.ipsecIntegrity;
  if (phase === 'ipsec' && isGcm(encryption)) return all.filter((integrity) => integrity === encryption);
  return all.filter((integrity) => !isGcm(integrity) || integrity === encryption);
}

export function integrityFits(phase: PolicyPhase, encryption: string | undefined, integrity: string | undefined): boolean {
  return !!integrity && integrityChoices(phase, encryption).includes(integrity);
}

const grouped = (value: number) => value.toLocaleString('en-US');

/** "AES256 · SHA384 · DHGroup24" */
export function describeIkePhase(policy: IpsecPolicy): string {
  return `${policy.ikeEncryption} · ${policy.ikeIntegrity} · ${policy.dhGroup}`;
}

/** "AES256 · SHA256 · PFS24" */
export function describeIpsecPhase(policy: IpsecPolicy): string {
  return `${policy.ipsecEncryption} · ${policy.ipsecIntegrity} · ${policy.pfsGroup}`;
}

/** "3,600 s · 102,400,000 KB" */
export function describeSaLifetime(policy: IpsecPolicy): string {
  return `${grouped(policy.saLifeTimeSeconds)} s · ${grouped(policy.saDataSizeKilobytes)} KB`;
}

/** No custom policy, in words. */
export function azureDefaultPolicyName(): string {
  return l10n.t('Azure default policy');
}
