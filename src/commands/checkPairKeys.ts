// Check Shared Keys of Pair: compares the keys of both halves of a VNet-to-VNet link without showing
// either, and offers to make them the same (the user chooses which half's key wins).
import * as l10n from '@vscode/l10n';
import type { Connection } from '../azure/model';
import type { TreeNode } from '../tree/treeNode';
import { answered } from '../ui/cancelled';
import { withReadProgress } from '../ui/progress';
import { applySharedKey } from './applySharedKey';
import { readSharedKey } from './readSharedKey';
import type { Services } from './services';
import { connectionTarget, vnet2vnetConnection } from './targets';
import { watchTunnels } from './watchTunnels';

const title = () => l10n.t('Check Shared Keys of Pair');

export async function checkPairKeys(services: Services, node?: TreeNode): Promise<void> {
  await checkPairKeysOf(services, await connectionTarget(services, node, vnet2vnetConnection(), title()));
}

export async function checkPairKeysOf(services: Services, connection: Connection): Promise<void> {
  const other = await pickOtherHalf(services, connection);
  if (!other) return;
  // not user-facing: the audit record's operation (KeyOperation), kept in English
  const keys = await Promise.allSettled([readSharedKey(services, connection, 'read shared key'), readSharedKey(services, other, 'read shared key')]);
  const unread = keys.findIndex((key) => key.status === 'rejected');
  if (unread >= 0) {
    const reason = (keys[unread] as PromiseRejectedResult).reason as unknown;
    const why = reason instanceof Error ? reason.message : String(reason);
    void services.input.showMessage('warning', l10n.t("Cannot compare: the key of '{0}' cannot be read. {1}", [connection, other][unread].name, why), {});
    return;
  }
  const [mine, theirs] = keys.map((key) => (key as PromiseFulfilledResult<string>).value);
  if (mine === theirs) {
    void services.input.showMessage('info', l10n.t("The shared keys of '{0}' and '{1}' match.", connection.name, other.name), {});
    return;
  }
  const makeSame = l10n.t('Make Both the Same…');
  const differ = l10n.t("The shared keys of '{0}' and '{1}' differ: the tunnel stays down until they match.", connection.name, other.name);
  if ((await services.input.showMessage('warning', differ, {}, makeSame)) !== makeSame) return;
  const winner = answered(
    await services.input.pickOne(
      [
        { label: l10n.t("Keep the key of '{0}'", connection.name), description: l10n.t("and set it on '{0}'", other.name), value: { from: connection, to: other, key: mine } },
        { label: l10n.t("Keep the key of '{0}'", other.name), description: l10n.t("and set it on '{0}'", connection.name), value: { from: other, to: connection, key: theirs } },
      ],
      { title: l10n.t('Make Both the Same'), placeHolder: l10n.t('Which half’s key should both halves use?') },
    ),
  );
  await applySharedKey(services, winner.to, { sharedKey: winner.key, generated: false });
  await watchTunnels(services, [winner.to, winner.from], { checkKeys: (down) => checkPairKeysOf(services, down) });
}

/** The one other half; several: the user picks; none: says why. */
async function pickOtherHalf(services: Services, connection: Connection): Promise<Connection | undefined> {
  const otherHalf = await withReadProgress(l10n.t("Looking for the other half of '{0}'…", connection.name), () => services.otherHalves.find(connection));
  if (otherHalf.found === 'one') return otherHalf.connection;
  if (otherHalf.found === 'none') {
    void services.input.showMessage('info', l10n.t("Cannot compare: no other half of '{0}' is visible ({1}).", connection.name, otherHalf.reason), {});
    return undefined;
  }
  return answered(
    await services.input.pickOne(
      otherHalf.connections.map((candidate) => ({ label: candidate.name, description: candidate.resourceGroup, value: candidate })),
      { title: title(), placeHolder: l10n.t('{0} connections on {1} claim to be the other half: pick one', otherHalf.connections.length, otherHalf.gatewayName) },
    ),
  );
}
