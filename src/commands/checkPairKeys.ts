// Check Shared Keys of Pair: compares the keys of both halves of a VNet-to-VNet link without showing
// either, and offers to make them the same (the user chooses which half's key wins).
import type { Connection } from '../azure/model';
import type { TreeNode } from '../tree/treeNode';
import { answered } from '../ui/cancelled';
import { withReadProgress } from '../ui/progress';
import { applySharedKey } from './applySharedKey';
import { readSharedKey } from './readSharedKey';
import type { Services } from './services';
import { connectionTarget, vnet2vnetConnection } from './targets';
import { watchTunnels } from './watchTunnels';

const title = 'Check Shared Keys of Pair';

export async function checkPairKeys(services: Services, node?: TreeNode): Promise<void> {
  await checkPairKeysOf(services, await connectionTarget(services, node, vnet2vnetConnection, title));
}

export async function checkPairKeysOf(services: Services, connection: Connection): Promise<void> {
  const other = await pickOtherHalf(services, connection);
  if (!other) return;
  const keys = await Promise.allSettled([readSharedKey(services, connection, 'read shared key'), readSharedKey(services, other, 'read shared key')]);
  const unread = keys.findIndex((key) => key.status === 'rejected');
  if (unread >= 0) {
    const reason = (keys[unread] as PromiseRejectedResult).reason as unknown;
    const why = reason instanceof Error ? reason.message : String(reason);
    void services.input.showMessage('warning', `Cannot compare: the key of '${[connection, other][unread].name}' cannot be read. ${why}`, {});
    return;
  }
  const [mine, theirs] = keys.map((key) => (key as PromiseFulfilledResult<string>).value);
  if (mine === theirs) {
    void services.input.showMessage('info', `The shared keys of '${connection.name}' and '${other.name}' match.`, {});
    return;
  }
  const makeSame = 'Make Both the Same…';
  const differ = `The shared keys of '${connection.name}' and '${other.name}' differ: the tunnel stays down until they match.`;
  if ((await services.input.showMessage('warning', differ, {}, makeSame)) !== makeSame) return;
  const winner = answered(
    await services.input.pickOne(
      [
        { label: `Keep the key of '${connection.name}'`, description: `and set it on '${other.name}'`, value: { from: connection, to: other, key: mine } },
        { label: `Keep the key of '${other.name}'`, description: `and set it on '${connection.name}'`, value: { from: other, to: connection, key: theirs } },
      ],
      { title: 'Make Both the Same', placeHolder: 'Which half’s key should both halves use?' },
    ),
  );
  await applySharedKey(services, winner.to, { sharedKey: winner.key, generated: false });
  await watchTunnels(services, [winner.to, winner.from], { checkKeys: (down) => checkPairKeysOf(services, down) });
}

/** The one other half; several: the user picks; none: says why. */
async function pickOtherHalf(services: Services, connection: Connection): Promise<Connection | undefined> {
  const otherHalf = await withReadProgress(`Looking for the other half of '${connection.name}'…`, () => services.otherHalves.find(connection));
  if (otherHalf.found === 'one') return otherHalf.connection;
  if (otherHalf.found === 'none') {
    void services.input.showMessage('info', `Cannot compare: no other half of '${connection.name}' is visible (${otherHalf.reason}).`, {});
    return undefined;
  }
  return answered(
    await services.input.pickOne(
      otherHalf.connections.map((candidate) => ({ label: candidate.name, description: candidate.resourceGroup, value: candidate })),
      { title, placeHolder: `${otherHalf.connections.length} connections on ${otherHalf.gatewayName} claim to be the other half: pick one` },
    ),
  );
}
