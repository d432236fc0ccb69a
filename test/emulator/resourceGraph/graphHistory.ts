// What Resource Graph has seen, over time, while a lag (graphLagMs) is set: each resource's
// versions, time-stamped when the emulator's world changed (a request's own change at its time, an
// operation's effect at the time it ended), so a query at t answers from the world as it was at
// t − lag. The history starts when the lag is first needed: the world then counts as the one
// Graph has always shown, changes from then on as made when they were made.
import type { Backend } from '../backend';
import { lookupKey, type StoredSubscription } from '../world';
import type { Row } from './kqlScalars';
import { GRAPH_TABLES, graphEntries, type GraphTable } from './graphTables';

interface Version {
  at: number;
  /** null: deleted. */
  row: Row | null;
  fingerprint: string;
  table: GraphTable;
  subscriptionId: string;
}

const ALL_TABLES = new Set<GraphTable>(GRAPH_TABLES);

export class GraphHistory {
  private started = false;
  private readonly versions = new Map<string, Version[]>();

  clear(): void {
    this.started = false;
    this.versions.clear();
  }

  /** Records every change since the last look as made at `at`; does nothing (and forgets) without a lag. */
  observe(b: Backend, at: number): void {
    const lag = b.config.graphLagMs;
    if (lag === 0) {
      if (this.started) this.clear();
      return;
    }
    const stamp = this.started ? at : -Infinity;
    this.started = true;
    const present = new Set<string>();
    for (const sub of b.world.subscriptions.values()) {
      for (const entry of graphEntries(b, sub, at, ALL_TABLES)) {
        const key = lookupKey(entry.id);
        present.add(key);
        const last = this.latest(key);
        if (last?.row && last.fingerprint === entry.fingerprint) continue;
        const row = structuredClone(entry.row()); // a snapshot: later writes must not reach it
        this.push(key, { at: stamp, row, fingerprint: entry.fingerprint, table: entry.table, subscriptionId: sub.subscriptionId });
      }
    }
    for (const [key, list] of this.versions) {
      const last = list[list.length - 1];
      if (!present.has(key) && last.row) list.push({ ...last, at: stamp, row: null, fingerprint: '' });
    }
    this.forgetBefore(at - lag);
  }

  /** The rows Graph showed at `time` for these subscriptions and tables. */
  rowsAt(time: number, subscriptions: StoredSubscription[], table: GraphTable): Row[] {
    const wanted = new Set(subscriptions.map((s) => lookupKey(s.subscriptionId)));
    const rows: Row[] = [];
    for (const list of this.versions.values()) {
      const version = [...list].reverse().find((v) => v.at <= time);
      if (version?.row && version.table === table && wanted.has(lookupKey(version.subscriptionId))) rows.push(version.row);
    }
    return rows;
  }

  private latest(key: string): Version | undefined {
    const list = this.versions.get(key);
    return list?.[list.length - 1];
  }

  private push(key: string, version: Version): void {
    const list = this.versions.get(key);
    if (list) list.push(version);
    else this.versions.set(key, [version]);
  }

  /** Drops versions no query can see any more: those older than the newest one at or before `horizon`. */
  private forgetBefore(horizon: number): void {
    for (const [key, list] of this.versions) {
      let keep = 0;
      for (let i = 0; i < list.length; i++) if (list[i].at <= horizon) keep = i;
      if (keep > 0) list.splice(0, keep);
      if (list.length === 1 && !list[0].row && list[0].at <= horizon) this.versions.delete(key);
    }
  }
}
