// Troubleshooting a connection: its IKE security associations (POST …/getikesas, long-running, the
// result a JSON string as the network resource provider returns it) and resetting it (POST
// …/resetconnection: the tunnel negotiates again, so it is Connecting for connectDelayMs).
import { ArmError } from './armErrors';
import { authorize, type ArmHandler } from './arm';
import { startAction } from './actions';
import type { Backend } from './backend';
import { assertNotBusy, findConnection, locate, scope, startOperation } from './connections';
import { gatewayOf, instances, remoteEndpoint, stableNumber, upSince } from './endpoints';
import { effectivePolicy } from './ipsecPolicy';
import type { StoredConnection } from './world';

/** IKE SAs and resets concern VPN tunnels only. */
function assertVpn(c: StoredConnection, id: string): void {
  if (c.properties.connectionType === 'ExpressRoute') {
    throw new ArmError(400, 'ConnectionTypeNotSupported', `Connection ${id} is of type ExpressRoute: the operation applies to IPsec and Vnet2Vnet connections only.`);
  }
}

function trafficSelectors(c: StoredConnection, side: 'localAddressRanges' | 'remoteAddressRanges'): string[] {
  const policies = c.properties.usePolicyBasedTrafficSelectors ? (c.properties.trafficSelectorPolicies as Array<Record<string, string[]>> | undefined) : undefined;
  const ranges = policies?.flatMap((p) => p[side] ?? []) ?? [];
  return ranges.length > 0 ? ranges : ['0.0.0.0/0'];
}

/** The main-mode SAs (one per gateway instance) with their quick-mode SA, or none unless Connected. */
export function ikeSas(b: Backend, c: StoredConnection, t: number): string {
  const link = b.tunnels.link(c, t);
  if (link.status !== 'Connected') return JSON.stringify({ Status: 'Successful', Data: null });
  const policy = effectivePolicy(c.properties);
  const initiator = c.properties.connectionMode !== 'ResponderOnly';
  const up = Math.max(0, Math.floor((t - upSince(link)) / 1000));
  const remote = remoteEndpoint(b, c);
  const data = instances(gatewayOf(b, c)).map(({ tunnelIp }, i) => {
    const seed = `${c.properties.resourceGuid}/${upSince(link)}/${i}`;
    return {
      localEndpoint: tunnelIp,
      remoteEndpoint: remote,
      initiatorCookie: stableNumber(`${seed}/initiator`, 48),
      responderCookie: stableNumber(`${seed}/responder`, 48),
      localUdpEncapsulationPort: 0,
      remoteUdpEncapsulationPort: 0,
      encryption: policy.ikeEncryption,
      integrity: policy.ikeIntegrity,
      dhGroup: policy.dhGroup,
      lifeTimeSeconds: policy.ikeLifeTimeSeconds,
      isSaInitiator: initiator,
      elapsedTimeInseconds: up % policy.ikeLifeTimeSeconds,
      quickModeSa: [
        {
          localEndpoint: tunnelIp,
          remoteEndpoint: remote,
          encryption: policy.ipsecEncryption,
          integrity: policy.ipsecIntegrity,
          pfsGroupId: policy.pfsGroup,
          inboundSPI: stableNumber(`${seed}/in`),
          outboundSPI: stableNumber(`${seed}/out`),
          localTrafficSelectors: trafficSelectors(c, 'localAddressRanges'),
          remoteTrafficSelectors: trafficSelectors(c, 'remoteAddressRanges'),
          lifetimeKilobytes: policy.saDataSizeKilobytes,
          lifeTimeSeconds: policy.saLifeTimeSeconds,
          isSaInitiator: initiator,
          elapsedTimeInseconds: up % policy.saLifeTimeSeconds,
        },
      ],
    };
  });
  return JSON.stringify({ Status: 'Successful', Data: data });
}

export const getIkeSas: ArmHandler = (req, b) => {
  const at = locate(req, b);
  authorize(req.caller, 'Microsoft.Network/connections/getikesas/action', scope(req));
  const c = findConnection(req, at);
  assertVpn(c, at.id);
  return startAction(req, b, { kind: 'getIkeSas', subscriptionId: at.sub.subscriptionId, location: c.location, result: (t) => ikeSas(b, c, t) });
};

export const resetConnection: ArmHandler = (req, b) => {
  const at = locate(req, b);
  authorize(req.caller, 'Microsoft.Network/connections/resetconnection/action', scope(req));
  const c = findConnection(req, at);
  assertVpn(c, at.id);
  assertNotBusy(c, req.now);
  const headers = startOperation(req, b, at, c, { kind: 'resetConnection', tunnel: 'restart', location: true, apply: () => undefined });
  return { status: 202, headers };
};
