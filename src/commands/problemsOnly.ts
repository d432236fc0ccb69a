// Show Only Problems and Show All Connections (the view-title toggle), and the badge on the view
// that counts the connections not Connected while the tree shows only those.
import * as vscode from 'vscode';
import { readEveryLevel } from '../tree/fleetConnections';
import { withReadProgress } from '../ui/progress';
import type { Services } from './services';

export async function showOnlyProblems(services: Services): Promise<void> {
  await withReadProgress(vscode.l10n.t('Show Only Problems: reading the status of every connection…'), () => knowEveryConnection(services));
  setShowOnlyProblems(services, true);
}

export async function showAllConnections(services: Services): Promise<void> {
  setShowOnlyProblems(services, false);
}

/** Resource Graph's rows when discovery went through Graph; otherwise every level, read as a fully expanded view reads it. */
export async function knowEveryConnection(services: Services): Promise<void> {
  await services.tree.getChildren();
  const load = services.fleet.current;
  if (load?.through === 'resourceGraph') await services.fleet.connectionsOf(load);
  else await readEveryLevel(services.tree);
}

export function setShowOnlyProblems(services: Services, on: boolean): void {
  services.tree.showOnlyProblems(on);
  void vscode.commands.executeCommand('setContext', 'azureVpn.showOnlyProblems', on);
  updateBadge(services);
}

function updateBadge(services: Services): void {
  const problems = services.tree.problems.on ? services.tree.problems.problems() : [];
  const fromGraph = problems.filter((problem) => !problem.live).length;
  const counted = problems.length === 1 ? vscode.l10n.t('1 connection not connected') : vscode.l10n.t('{0} connections not connected', problems.length);
  services.view.badge = problems.length
    ? { value: problems.length, tooltip: fromGraph ? vscode.l10n.t('{0} ({1} as Azure Resource Graph last indexed them)', counted, fromGraph) : counted }
    : undefined;
}

/** While Show Only Problems is on, each new discovery through Graph reads every connection too: the filter needs them. */
function readConnectionsForTheFilter(services: Services): void {
  const load = services.fleet.current;
  if (services.tree.problems.on && load?.through === 'resourceGraph' && !services.fleet.connections) {
    services.fleet.connectionsOf(load).catch(() => undefined);
  }
}

/** Keeps the badge up to date as levels are read, rows repaint and Resource Graph's answers arrive. */
export function watchProblemBadge(services: Services): vscode.Disposable {
  let pending: NodeJS.Timeout | undefined;
  const soon = () => {
    pending ??= setTimeout(() => {
      pending = undefined;
      updateBadge(services);
    }, 50);
  };
  const listeners = [
    services.tree.onDidReadLevel(soon),
    services.tree.onDidChangeTreeData(soon),
    services.fleet.onDidChange(() => {
      readConnectionsForTheFilter(services);
      soon();
    }),
  ];
  return new vscode.Disposable(() => {
    clearTimeout(pending);
    listeners.forEach((listener) => listener.dispose());
  });
}
