// Everything one running emulator holds: the world, its operations, faults, throttling windows,
// identities, the runtime configuration and the request log; and how to go back to the start.
import { Devices } from './devices';
import { Faults } from './faults';
import { Identity } from './identity';
import { Operations } from './operations';
import { ResourceGraphState } from './resourceGraph/graphState';
import { Throttle } from './throttle';
import { Tunnels } from './tunnels';
import type { RequestLogEntry, RuntimeConfig, StateFile } from './types';
import { World, type StoredConnection } from './world';

const REQUEST_LOG_LIMIT = 20_000;

export class Backend {
  world: World;
  devices: Devices;
  tunnels: Tunnels;
  config: RuntimeConfig;
  readonly operations = new Operations();
  readonly faults = new Faults();
  readonly throttle = new Throttle();
  readonly graph = new ResourceGraphState();
  readonly identity: Identity;
  private requestLog: RequestLogEntry[] = [];

  constructor(
    private readonly initialState: StateFile,
    private readonly initialConfig: RuntimeConfig,
    readonly baseUrl: string,
    audience: string,
  ) {
    this.world = new World(initialState);
    this.devices = new Devices(initialState);
    this.tunnels = this.newTunnels();
    this.config = { ...initialConfig };
    this.identity = new Identity(() => this.world.tenants, baseUrl, audience);
    this.operations.onSettled = (op) => this.graph.history.observe(this, op.endsAt);
  }

  /** Back to the data and configuration it started with; faults, operations and the log cleared. Issued tokens stay valid. */
  reset(): void {
    this.world = new World(this.initialState);
    this.devices = new Devices(this.initialState);
    this.tunnels = this.newTunnels();
    this.config = { ...this.initialConfig };
    this.operations.clear();
    this.faults.clear();
    this.throttle.reset();
    this.graph.reset();
    this.requestLog = [];
  }

  /** A connection's provisioningState now: Updating/Deleting while an operation holds it or right after a key change. */
  provisioningState(connection: StoredConnection, now: number): string {
    if (connection.operation?.status === 'InProgress') return connection.operation.spec.kind === 'delete' ? 'Deleting' : 'Updating';
    if (now < connection.updatingUntil) return 'Updating';
    return (connection.properties.provisioningState as string | undefined) ?? 'Succeeded';
  }

  /** The whole state, keys and devices included (a test tool). */
  state(now: number) {
    this.operations.settle(now);
    return this.tunnels.addTo(this.devices.addTo(this.world.toState((c) => this.provisioningState(c, now))), now);
  }

  private newTunnels(): Tunnels {
    return new Tunnels(this.world, this.devices, Date.now(), () => this.config.connectDelayMs);
  }

  log(entry: RequestLogEntry): void {
    this.requestLog.push(entry);
    if (this.requestLog.length > REQUEST_LOG_LIMIT) this.requestLog = this.requestLog.slice(-REQUEST_LOG_LIMIT / 2);
  }

  requests(): RequestLogEntry[] {
    return [...this.requestLog];
  }
}
