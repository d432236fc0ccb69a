// Set and Reset on one half of a VNet-to-VNet link offer to change both halves: the tunnel comes up
// only while both hold the same key.
import * as l10n from '@vscode/l10n';
import type { Connection } from '../azure/model';
import { answered } from '../ui/cancelled';
import { withReadProgress } from '../ui/progress';
import type { Services } from './services';

/** The other half to change as well, or undefined for "this half only" (or when there is none to see). */
export async function otherHalfToChange(services: Services, connection: Connection, title: string): Promise<Connection | undefined> {
  if (connection.type !== 'Vnet2Vnet') return undefined;
  const otherHalf = await withReadProgress(l10n.t("Looking for the other half of '{0}'…", connection.name), () => services.otherHalves.find(connection));
  if (otherHalf.found === 'none') return undefined;
  const candidates = otherHalf.found === 'one' ? [otherHalf.connection] : otherHalf.connections;
  const items = [
    ...candidates.map((candidate) => ({
      label: candidates.length === 1 ? l10n.t('Both halves (recommended)') : l10n.t("Both halves, with '{0}'", candidate.name),
      description: l10n.t("'{0}' on {1} gets the same key", candidate.name, otherHalf.gatewayName),
      value: { other: candidate as Connection | undefined },
    })),
    { label: l10n.t('This half only'), description: l10n.t('The tunnel stays down until the other half has the same key'), value: { other: undefined } },
  ];
  const placeHolder =
    candidates.length === 1
      ? l10n.t("'{0}' is one half of a VNet-to-VNet link: change both halves?", connection.name)
      : l10n.t("{0} connections on {1} claim to be the other half of '{2}': pick the one to change too", candidates.length, otherHalf.gatewayName, connection.name);
  return answered(await services.input.pickOne(items, { title, placeHolder })).other;
}
