// Troubleshooting a tunnel through the official SDK: IKE security associations, resetting a
// connection, BGP peers and routes, the VPN devices Azure has scripts for and a device's script, and
// updating what an engineer changes on a live connection. The long-running ones (every POST here but
// the two device calls, and the update) poll at Azure's pace and stop waiting when asked.
import * as l10n from '@vscode/l10n';
import type { BgpPeerSession, GatewayRoute } from './bgp';
import { toBgpPeerSessions, toGatewayRoutes } from './bgp';
import { withSettings, type ConnectionSettings } from './connectionSettings';
import { parseIkeSas, type MainModeSa } from './ikeSas';
import { runOperation } from './longRunning';
import { toConnection } from './mapping';
import type { Connection, ConnectionRef, OperationOptions, VirtualNetworkGateway } from './model';
import type { SdkClients } from './sdkClients';
import { parseSupportedVpnDevices, type VpnDevice, type VpnDeviceVendor } from './vpnDevices';

/** Points at one virtual network gateway. */
export type GatewayRef = Pick<VirtualNetworkGateway, 'subscriptionId' | 'resourceGroup' | 'name'>;

/** The part of AzureVpnApi that troubleshoots tunnels (implemented by TunnelOperations). */
export interface TroubleshootingApi {
  /** Long-running: the main-mode SAs with their quick-mode SAs; none while the tunnel is down. */
  getIkeSas(ref: ConnectionRef, options?: OperationOptions): Promise<MainModeSa[]>;
  /** Long-running: the tunnel drops and negotiates again. */
  resetConnection(ref: ConnectionRef, options?: OperationOptions): Promise<void>;
  /** Long-running: one session per peer and gateway instance. */
  getBgpPeerSessions(gateway: GatewayRef, options?: OperationOptions): Promise<BgpPeerSession[]>;
  getLearnedRoutes(gateway: GatewayRef, options?: OperationOptions): Promise<GatewayRoute[]>;
  /** `peer`: the peer's BGP address. */
  getAdvertisedRoutes(gateway: GatewayRef, peer: string, options?: OperationOptions): Promise<GatewayRoute[]>;
  listSupportedVpnDevices(gateway: GatewayRef): Promise<VpnDeviceVendor[]>;
  /** The script holds the connection's shared key: show it, never log or store it. */
  getVpnDeviceConfigurationScript(ref: ConnectionRef, device: VpnDevice): Promise<string>;
  /** Reads the connection, writes the settings over it and PUTs it (its key untouched: Azure ignores it on update). */
  updateConnectionSettings(ref: ConnectionRef, settings: ConnectionSettings, options?: OperationOptions): Promise<Connection>;
}

export class TunnelOperations implements TroubleshootingApi {
  constructor(
    private readonly clients: SdkClients,
    private readonly pollIntervalMs: number,
  ) {}

  private connections(subscriptionId: string) {
    return this.clients.network(subscriptionId).virtualNetworkGatewayConnections;
  }

  private gateways(subscriptionId: string) {
    return this.clients.network(subscriptionId).virtualNetworkGateways;
  }

  async getIkeSas(ref: ConnectionRef, options: OperationOptions = {}): Promise<MainModeSa[]> {
    const result = await runOperation((lro) => this.connections(ref.subscriptionId).getIkeSas(ref.resourceGroup, ref.name, lro), options, this.pollIntervalMs);
    return parseIkeSas(typeof result?.body === 'string' ? result.body : undefined);
  }

  async resetConnection(ref: ConnectionRef, options: OperationOptions = {}): Promise<void> {
    await runOperation((lro) => this.connections(ref.subscriptionId).resetConnection(ref.resourceGroup, ref.name, lro), options, this.pollIntervalMs);
  }

  async getBgpPeerSessions(gateway: GatewayRef, options: OperationOptions = {}): Promise<BgpPeerSession[]> {
    const result = await runOperation((lro) => this.gateways(gateway.subscriptionId).getBgpPeerStatus(gateway.resourceGroup, gateway.name, lro), options, this.pollIntervalMs);
    return toBgpPeerSessions(result);
  }

  async getLearnedRoutes(gateway: GatewayRef, options: OperationOptions = {}): Promise<GatewayRoute[]> {
    const result = await runOperation((lro) => this.gateways(gateway.subscriptionId).getLearnedRoutes(gateway.resourceGroup, gateway.name, lro), options, this.pollIntervalMs);
    return toGatewayRoutes(result);
  }

  async getAdvertisedRoutes(gateway: GatewayRef, peer: string, options: OperationOptions = {}): Promise<GatewayRoute[]> {
    const result = await runOperation(
      (lro) => this.gateways(gateway.subscriptionId).getAdvertisedRoutes(gateway.resourceGroup, gateway.name, peer, lro),
      options,
      this.pollIntervalMs,
    );
    return toGatewayRoutes(result);
  }

  async listSupportedVpnDevices(gateway: GatewayRef): Promise<VpnDeviceVendor[]> {
    const result = await this.gateways(gateway.subscriptionId).supportedVpnDevices(gateway.resourceGroup, gateway.name);
    return parseSupportedVpnDevices(typeof result.body === 'string' ? result.body : '');
  }

  async getVpnDeviceConfigurationScript(ref: ConnectionRef, device: VpnDevice): Promise<string> {
    const result = await this.gateways(ref.subscriptionId).vpnDeviceConfigurationScript(ref.resourceGroup, ref.name, { ...device });
    if (typeof result.body !== 'string' || result.body.trim() === '') throw new Error(l10n.t('Azure returned an empty device configuration script.'));
    return result.body;
  }

  async updateConnectionSettings(ref: ConnectionRef, settings: ConnectionSettings, options: OperationOptions = {}): Promise<Connection> {
    const connections = this.connections(ref.subscriptionId);
    const current = await connections.get(ref.resourceGroup, ref.name, { abortSignal: options.abortSignal });
    const updated = await runOperation((lro) => connections.createOrUpdate(ref.resourceGroup, ref.name, withSettings(current, settings), lro), options, this.pollIntervalMs);
    return toConnection(updated);
  }
}
