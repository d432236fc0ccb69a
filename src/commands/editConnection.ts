// Edit Connection…: what engineers change on a live connection, through the wizard runner starting at
// its review ("old → new" for each setting), then one PUT through the operation runner. The shared
// key is not edited here: Azure ignores it on update (Set Shared Key… changes it).
import * as l10n from '@vscode/l10n';
import type { Connection } from '../azure/model';
import { connectionRef } from '../azure/resourceId';
import type { TreeNode } from '../tree/treeNode';
import { withReadProgress } from '../ui/progress';
import { runWizard } from '../ui/wizard';
import { changePhases, runConnectionOperation } from './connectionOperation';
import { draftOf, editSteps, settingsOf, type EditState } from './editConnectionSteps';
import { attempt } from './failures';
import type { Services } from './services';
import { connectionTarget, vpnConnection } from './targets';

/** Azure ignores a shared key in an update's PUT. */
const keyNote = () => l10n.t('Azure ignores a key here: Set Shared Key… changes it.');

/** The settings that differ, by name. */
function changedSettings(state: EditState): string[] {
  const after = settingsOf(state.draft);
  const differs = (name: keyof typeof after) => JSON.stringify(state.before[name] ?? null) !== JSON.stringify(after[name] ?? null);
  const names: Array<[keyof typeof after, string]> = [
    ['connectionMode', l10n.t({ message: 'connection mode', comment: ['The name of a setting of a connection, in lower case: listed in "Updated ...: connection mode, BGP."'] })],
    ['dpdTimeoutSeconds', l10n.t({ message: 'DPD timeout', comment: ['The name of a setting of a connection, in lower case: listed in "Updated ...: connection mode, BGP."'] })],
    ['routingWeight', l10n.t({ message: 'routing weight', comment: ['The name of a setting of a connection, in lower case: listed in "Updated ...: connection mode, BGP."'] })],
    ['enableBgp', 'BGP'],
    ['ipsecPolicy', l10n.t({ message: 'IPsec/IKE policy', comment: ['The name of a setting of a connection, in lower case: listed in "Updated ...: connection mode, BGP."'] })],
    ['usePolicyBasedTrafficSelectors', l10n.t({ message: 'policy-based traffic selectors', comment: ['The name of a setting of a connection, in lower case: listed in "Updated ...: connection mode, BGP."'] })],
  ];
  return names.filter(([name]) => differs(name)).map(([, words]) => words);
}

function changeCount(count: number): string {
  return count === 0 ? l10n.t('No change') : count === 1 ? l10n.t('1 change') : l10n.t('{0} changes', count);
}

export async function editConnection(services: Services, node?: TreeNode): Promise<void> {
  const picked = await connectionTarget(services, node, vpnConnection(), l10n.t('Edit Connection'));
  await attempt({ what: l10n.t({ message: "edit the connection '{0}'", args: [picked.name], comment: ['Completes "Could not …." in a failure message'] }), connection: picked }, async () => {
    const api = await services.azure.getApi();
    const connection = await withReadProgress(l10n.t("Reading '{0}'…", picked.name), () => api.getConnection(connectionRef(picked)));
    const before = connection.settings!;
    const state: EditState = { before, draft: draftOf(before) };
    await runWizard(
      {
        title: l10n.t("Edit Connection '{0}'", connection.name),
        steps: editSteps(services.input),
        finish: l10n.t('Save'),
        finishDetail: (current) => `${changeCount(changedSettings(current).length)}. ${keyNote()}`,
        reviewFirst: true,
      },
      state,
      services.input,
    );
    const changed = changedSettings(state);
    if (changed.length === 0) {
      void services.input.showMessage('info', l10n.t("Nothing was changed on '{0}'; nothing was sent to Azure.", connection.name), {});
      return;
    }
    await update(services, connection, state, changed);
  });
}

async function update(services: Services, connection: Connection, state: EditState, changed: string[]): Promise<void> {
  const failure = {
    what: l10n.t({ message: "update the connection '{0}'", args: [connection.name], comment: ['Completes "Could not …." in a failure message'] }),
    connection,
    stillRunning: l10n.t({ message: "updating '{0}'", args: [connection.name], comment: ['Completes "Azure may still finish …" when the user stops waiting'] }),
  };
  await attempt(failure, async () => {
    await runConnectionOperation(services, {
      activity: 'updating',
      title: l10n.t("Updating the connection '{0}'", connection.name),
      steps: [
        {
          target: connection,
          phases: changePhases(l10n.t('Sending the new settings…'), l10n.t('Azure is applying the new settings…')),
          perform: async (api, options) => void (await api.updateConnectionSettings(connectionRef(connection), settingsOf(state.draft), options)),
        },
      ],
    });
    void services.input.showMessage('info', l10n.t("Updated '{0}': {1}.", connection.name, changed.join(', ')), {});
  });
}
