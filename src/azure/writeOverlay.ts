// This session's own writes, laid over Resource Graph's answers until Graph has seen them: Graph
// indexes most writes within about 30 s (with no bound), so a refresh right after a delete would
// bring the connection back, and right after a create would not show it. What Resource Manager
// shows live outranks a write remembered here, and a write is forgotten after a while in any case.
import type { FleetConnection } from './fleet';
import type { Connection, ResourceGroupRef } from './model';
import { resourceGroupId } from './resourceId';

const key = (id: string) => id.toLowerCase();

/** Long past the lag Graph usually has; a connection someone else re-creates shows again by then at the latest. */
const rememberMs = 10 * 60_000;

export class WriteOverlay {
  private readonly deletedAt = new Map<string, number>();
  private readonly created = new Map<string, { connection: FleetConnection; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  deleted(connectionId: string): void {
    this.created.delete(key(connectionId));
    this.deletedAt.set(key(connectionId), this.now());
  }

  written(connection: FleetConnection): void {
    this.deletedAt.delete(key(connection.id));
    this.created.set(key(connection.id), { connection, at: this.now() });
  }

  /** Connections Resource Manager just listed in full for these groups: what they show is true, whatever was written here. */
  seenLive(connections: Connection[], listedGroups: ResourceGroupRef[] = []): void {
    for (const connection of connections) this.deletedAt.delete(key(connection.id));
    const groups = new Set(listedGroups.map((group) => `${key(resourceGroupId(group))}/`));
    const listed = new Set(connections.map((connection) => key(connection.id)));
    for (const id of this.created.keys()) {
      if (!listed.has(id) && [...groups].some((group) => id.startsWith(group))) this.created.delete(id);
    }
  }

  /** Graph's rows with the writes it has not seen yet; a write Graph now agrees with, or an old one, is forgotten. */
  apply(rows: FleetConnection[]): FleetConnection[] {
    const oldest = this.now() - rememberMs;
    const byId = new Map(rows.map((row) => [key(row.id), row]));
    for (const [id, at] of this.deletedAt) {
      if (!byId.has(id) || at < oldest) this.deletedAt.delete(id);
      else byId.delete(id);
    }
    for (const [id, { connection, at }] of this.created) {
      if (byId.has(id) || at < oldest) this.created.delete(id);
      else byId.set(id, connection);
    }
    return [...byId.values()];
  }
}
