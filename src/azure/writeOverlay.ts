// This session's own writes, laid over Resource Graph's answers until Graph has seen them: Graph
// indexes most writes within about 30 s (with no bound), so a refresh right after a delete would
// bring the connection back, and right after a create would not show it.
import type { FleetConnection } from './fleet';

const key = (id: string) => id.toLowerCase();

export class WriteOverlay {
  private readonly deletedIds = new Set<string>();
  private readonly created = new Map<string, FleetConnection>();

  deleted(connectionId: string): void {
    this.created.delete(key(connectionId));
    this.deletedIds.add(key(connectionId));
  }

  written(connection: FleetConnection): void {
    this.deletedIds.delete(key(connection.id));
    this.created.set(key(connection.id), connection);
  }

  /** Graph's rows with the writes it has not seen yet; a write Graph now agrees with is forgotten. */
  apply(rows: FleetConnection[]): FleetConnection[] {
    const byId = new Map(rows.map((row) => [key(row.id), row]));
    for (const id of this.deletedIds) {
      if (!byId.delete(id)) this.deletedIds.delete(id);
    }
    for (const [id, connection] of this.created) {
      if (byId.has(id)) this.created.delete(id);
      else byId.set(id, connection);
    }
    return [...byId.values()];
  }
}
