// Go to Connection…: a quick pick of every connection in the fleet — name, status, type, gateway,
// group, subscription, peer — that filters as the user types; the one chosen is revealed in the
// tree, its path expanded.
import * as l10n from '@vscode/l10n';
import { knownConnections, subscriptionNames, type KnownConnection } from '../tree/fleetConnections';
import { isProblem } from '../tree/problems';
import { connectionSearchItems } from '../tree/searchItems';
import { answered } from '../ui/cancelled';
import { withReadProgress } from '../ui/progress';
import { knowEveryConnection, setShowOnlyProblems } from './problemsOnly';
import type { Services } from './services';

/** Enough to scroll through; more words typed narrow the rest. */
const shownAtOnce = 200;

export async function goToConnection(services: Services): Promise<void> {
  await withReadProgress(l10n.t('Go to Connection: reading your connections…'), () => knowEveryConnection(services));
  const connections = knownConnections(services.fleet, services.tree.knownNodes());
  if (!connections.length) {
    void services.input.showMessage('info', l10n.t('No connections in your subscriptions.'), {});
    return;
  }
  const items = connectionSearchItems(connections, subscriptionNames(services.tree.knownNodes()));
  const chosen = answered(
    await services.input.pickOne(items, { title: l10n.t('Go to Connection'), placeHolder: l10n.t('Type a name, status, type, gateway, group, subscription or peer'), shownAtOnce }),
  );
  await revealConnection(services, chosen);
}

async function revealConnection(services: Services, connection: KnownConnection): Promise<void> {
  const node = await withReadProgress(l10n.t("Go to Connection: opening '{0}'…", connection.name), () => services.tree.findConnection(connection));
  if (!node) {
    const message = l10n.t("'{0}' is not under its gateway in Azure any more. Resource Graph, which listed it, may not have caught up yet.", connection.name);
    void services.input.showMessage('info', message, {});
    return;
  }
  // A connection Show Only Problems hides cannot be shown: show everything again.
  if (services.tree.problems.on && !isProblem(node.connection)) setShowOnlyProblems(services, false);
  await services.view.reveal(node, { select: true, focus: true, expand: true });
}
