// What the Create Connection wizard has been told so far (one object, filled step by step).
import type { IkeVersion, VirtualNetworkGateway } from '../azure/model';
import type { PickItem } from '../ui/pickerItems';
import type { NewSharedKey } from './askSharedKey';

export type ConnectionKind = 'IPsec' | 'Vnet2Vnet';

export interface Peer {
  id: string;
  name: string;
  gateway?: VirtualNetworkGateway;
}

export interface Answers {
  gateway: VirtualNetworkGateway;
  existingNames: string[];
  /** Local network gateways that connections of this gateway already use, by lower-case id: the connection's name. */
  localGatewaysInUse: ReadonlyMap<string, string>;
  name?: string;
  type?: ConnectionKind;
  /** The local network gateway (IPsec) or the other virtual network gateway (Vnet2Vnet, with the gateway). */
  peer?: Peer;
  /** What can be picked as the other end, read once per type. */
  peerChoices: Partial<Record<ConnectionKind, PickItem<Peer>[]>>;
  /** Vnet2Vnet: create the other half too, on the other gateway, with the same key. */
  alsoOtherHalf?: boolean;
  otherHalfName?: string;
  /** Names already used on the other gateway, read once per gateway. */
  namesOnPeer?: { gatewayId: string; names: string[] };
  key?: NewSharedKey;
  ikeVersion?: IkeVersion;
}
