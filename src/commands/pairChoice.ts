// Set and Reset on one half of a VNet-to-VNet link offer to change both halves: the tunnel comes up
// only while both hold the same key.
import type { Connection } from '../azure/model';
import { answered } from '../ui/cancelled';
import { withReadProgress } from '../ui/progress';
import type { Services } from './services';

/** The other half to change as well, or undefined for "this half only" (or when there is none to see). */
export async function otherHalfToChange(services: Services, connection: Connection, title: string): Promise<Connection | undefined> {
  if (connection.type !== 'Vnet2Vnet') return undefined;
  const otherHalf = await withReadProgress(`Looking for the other half of '${connection.name}'…`, () => services.otherHalves.find(connection));
  if (otherHalf.found === 'none') return undefined;
  const candidates = otherHalf.found === 'one' ? [otherHalf.connection] : otherHalf.connections;
  const items = [
    ...candidates.map((candidate) => ({
      label: candidates.length === 1 ? 'Both halves (recommended)' : `Both halves, with '${candidate.name}'`,
      description: `'${candidate.name}' on ${otherHalf.gatewayName} gets the same key`,
      value: { other: candidate as Connection | undefined },
    })),
    { label: 'This half only', description: 'The tunnel stays down until the other half has the same key', value: { other: undefined } },
  ];
  const placeHolder =
    candidates.length === 1
      ? `'${connection.name}' is one half of a VNet-to-VNet link: change both halves?`
      : `${candidates.length} connections on ${otherHalf.gatewayName} claim to be the other half of '${connection.name}': pick the one to change too`;
  return answered(await services.input.pickOne(items, { title, placeHolder })).other;
}
