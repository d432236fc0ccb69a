// After a key change, a create or a reset, the affected connections are read again with backoff
// (never more often than every 5 s) until their tunnel is up or azureVpn.tunnelWatchSeconds have
// passed; the rows show Connecting → Connected as it happens, and the flow ends saying what the user
// must know. Nothing is watched unless such an operation just ran.
import * as l10n from '@vscode/l10n';
import type { Connection } from '../azure/model';
import { delay } from '../azure/longRunning';
import { connectionRef } from '../azure/resourceId';
import { tunnelWatchSeconds } from '../services/settings';
import { withReadProgress } from '../ui/progress';
import type { Services } from './services';

const firstPollMs = 5000;
const longestPollMs = 30_000;

export interface WatchEnd {
  /** Offered when a VNet-to-VNet tunnel did not come up: compares the keys of both halves. */
  checkKeys(connection: Connection): Promise<void>;
  /** Why an IPsec tunnel may still be down, ending "Still not connected after 2 min: 'cn-1' — …"; by default, the key change the device has not followed. */
  ipsecReason?: string;
}

/** The connection and, for one half of a VNet-to-VNet link, the other half: one tunnel (the other half's row is read again now). */
export function withOtherHalf(services: Services, connection: Connection, other: Connection | undefined): Connection[] {
  const known = services.otherHalves.of(connection.id);
  const otherHalf = other ?? (known?.found === 'one' ? known.connection : undefined);
  if (otherHalf && !other) void services.tree.reloadConnection(otherHalf.id);
  return otherHalf ? [connection, otherHalf] : [connection];
}

export async function watchTunnels(services: Services, connections: Connection[], end: WatchEnd): Promise<void> {
  const seconds = tunnelWatchSeconds();
  if (seconds === 0 || connections.length === 0) return;
  const last = await poll(services, connections, seconds).catch((error: unknown) => {
    services.log.warn(`Stopped watching the tunnel of ${names(connections)}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  });
  if (last) await report(services, last, seconds, end);
}

async function poll(services: Services, connections: Connection[], seconds: number): Promise<Connection[] | undefined> {
  const deadline = Date.now() + seconds * 1000;
  let current = connections;
  return withReadProgress(l10n.t('Waiting for the tunnel of {0} to come up…', names(connections)), async () => {
    for (let wait = firstPollMs; ; wait = Math.min(wait * 1.5, longestPollMs)) {
      if (services.shutdown.signal.aborted) return undefined;
      await delay(Math.max(firstPollMs, Math.min(wait, deadline - Date.now())), services.shutdown.signal);
      const api = await services.azure.getApi();
      current = await Promise.all(current.map((connection) => api.getConnection(connectionRef(connection))));
      current.forEach((connection) => services.tree.update(connection));
      if (current.every(isUp) || Date.now() >= deadline) return current;
    }
  });
}

function isUp(connection: Connection): boolean {
  return connection.status === 'Connected';
}

function names(connections: Connection[]): string {
  const quoted = connections.map((connection) => `'${connection.name}'`);
  return quoted.reduce((all, next) => l10n.t({ message: '{0} and {1}', args: [all, next], comment: ['Names of connections, each in quotes'] }));
}

function duration(seconds: number): string {
  return seconds >= 60
    ? l10n.t({ message: '{0} min', args: [Math.round(seconds / 60)], comment: ['A duration in minutes'] })
    : l10n.t({ message: '{0} s', args: [seconds], comment: ['A duration in seconds'] });
}

async function report(services: Services, connections: Connection[], seconds: number, end: WatchEnd): Promise<void> {
  const down = connections.find((connection) => !isUp(connection));
  if (!down) {
    // The important words first: a toast shows one short line.
    const up =
      connections.length > 1
        ? l10n.t('Tunnel up: {0}.', connections.map((connection) => `'${connection.name}'`).join(' ↔ '))
        : l10n.t("Tunnel up: '{0}' is Connected.", connections[0].name);
    void services.input.showMessage('info', up, {});
    return;
  }
  const waited = duration(seconds);
  if (down.type === 'Vnet2Vnet') {
    const check = l10n.t('Check Shared Keys of Pair');
    const differs = l10n.t("Still not connected after {0}: '{1}' — the other half's key differs.", waited, down.name);
    if ((await services.input.showMessage('warning', differs, {}, check)) === check) await end.checkKeys(down);
    return;
  }
  if (down.type !== 'IPsec') {
    void services.input.showMessage('warning', l10n.t("Still not connected after {0}: '{1}' is {2}.", waited, down.name, down.status), {});
    return;
  }
  const ipsec =
    end.ipsecReason ??
    (down.peerName
      ? l10n.t({ message: 'the on-premises device ({0}) still has the old key. Update it with the new key.', args: [down.peerName], comment: ['Ends a warning: "Still not connected after 2 min: <connection> — …"'] })
      : l10n.t({ message: 'the on-premises device still has the old key. Update it with the new key.', comment: ['Ends a warning: "Still not connected after 2 min: <connection> — …"'] }));
  void services.input.showMessage('warning', l10n.t("Still not connected after {0}: '{1}' — {2}", waited, down.name, ipsec), {});
}
