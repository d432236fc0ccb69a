// How the tree is discovered on each load of its first level: through Azure Resource Graph (every
// subscription and gateway in one round trip) or by walking Resource Manager, as azureVpn.discovery
// and the cloud say, falling back to the walk — with one log line — when Graph refuses the query,
// is throttled or is not there. One discovery per load (a refresh), never one per node; the query
// for every connection (search, Show Only Problems) runs when one of them first needs it, since each
// of its pages counts against Graph's quota (15 queries per 5 s).
import * as vscode from 'vscode';
import type { AzureVpnApi } from '../azure/api';
import { chooseDiscovery, fallbackReason } from '../azure/discoveryChoice';
import type { FleetConnection, GatewayDiscovery } from '../azure/fleet';
import type { Subscription } from '../azure/model';
import type { Log } from './log';
import { discoverySetting, subscriptionFilter } from './settings';
import { subscriptionsInFilter } from './subscriptionFilter';

export interface GraphLoad {
  through: 'resourceGraph';
  api: AzureVpnApi;
  found: GatewayDiscovery;
  /** The subscriptions in the filter (azureVpn.subscriptions). */
  inFilter: Subscription[];
  /** Those that hold a virtual network gateway. */
  withGateways: Subscription[];
}

export type FleetLoad = GraphLoad | { through: 'resourceManager' };

export class FleetDiscovery implements vscode.Disposable {
  private latest: FleetLoad | undefined;
  private connectionRows: Promise<FleetConnection[]> | undefined;
  /** The connections as last read, once they are. */
  private readConnections: FleetConnection[] | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a load finished and when its connections arrived. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: Log) {}

  get current(): FleetLoad | undefined {
    return this.latest;
  }

  /** The connections of the last Graph load as Graph had them (with this session's writes); undefined until they arrive. */
  get connections(): readonly FleetConnection[] | undefined {
    return this.readConnections;
  }

  async load(api: AzureVpnApi): Promise<FleetLoad> {
    const choice = chooseDiscovery(discoverySetting(), api.cloud.name);
    if (choice.through === 'resourceManager') return this.walk(choice.reason);
    let found: GatewayDiscovery;
    try {
      found = await api.discoverGateways();
    } catch (error) {
      const reason = fallbackReason(error);
      if (!reason) throw error;
      return this.walk(reason);
    }
    const inFilter = subscriptionsInFilter(found.subscriptions, subscriptionFilter());
    const holding = new Set(found.gateways.map((gateway) => gateway.subscriptionId.toLowerCase()));
    const load: GraphLoad = { through: 'resourceGraph', api, found, inFilter, withGateways: inFilter.filter((s) => holding.has(s.subscriptionId.toLowerCase())) };
    this.remember(load);
    return load;
  }

  /** Every connection of the last Graph load; read again when the last reading failed. */
  connectionsOf(load: GraphLoad): Promise<FleetConnection[]> {
    if (load !== this.latest) return load.api.discoverConnections(load.withGateways.map((s) => s.subscriptionId));
    if (!this.connectionRows) {
      const rows = load.api.discoverConnections(load.withGateways.map((s) => s.subscriptionId));
      this.connectionRows = rows;
      rows.then(
        (connections) => {
          if (this.connectionRows !== rows) return;
          this.readConnections = connections;
          this.changed.fire();
        },
        (error: unknown) => {
          this.log.warn(`Could not read the connections from Azure Resource Graph: ${error instanceof Error ? error.message : String(error)}`);
          if (this.connectionRows === rows) this.connectionRows = undefined;
        },
      );
    }
    return this.connectionRows;
  }

  private walk(reason: string): FleetLoad {
    this.log.info(`Discovering gateways through Resource Manager, one request per subscription, group and gateway: ${reason}.`);
    const load: FleetLoad = { through: 'resourceManager' };
    this.remember(load);
    return load;
  }

  private remember(load: FleetLoad): void {
    this.latest = load;
    this.connectionRows = undefined;
    this.readConnections = undefined;
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
