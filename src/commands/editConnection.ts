// Edit Connection…: what engineers change on a live connection, through the wizard runner starting at
// its review ("old → new" for each setting), then one PUT through the operation runner. The shared
// key is not edited here: Azure ignores it on update (Set Shared Key… changes it).
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
const keyNote = 'Azure ignores a key here: Set Shared Key… changes it.';

/** The settings that differ, by name. */
function changedSettings(state: EditState): string[] {
  const after = settingsOf(state.draft);
  const differs = (name: keyof typeof after) => JSON.stringify(state.before[name] ?? null) !== JSON.stringify(after[name] ?? null);
  const names: Array<[keyof typeof after, string]> = [
    ['connectionMode', 'connection mode'],
    ['dpdTimeoutSeconds', 'DPD timeout'],
    ['routingWeight', 'routing weight'],
    ['enableBgp', 'BGP'],
    ['ipsecPolicy', 'IPsec/IKE policy'],
    ['usePolicyBasedTrafficSelectors', 'policy-based traffic selectors'],
  ];
  return names.filter(([name]) => differs(name)).map(([, words]) => words);
}

function changeCount(count: number): string {
  return count === 0 ? 'No change' : count === 1 ? '1 change' : `${count} changes`;
}

export async function editConnection(services: Services, node?: TreeNode): Promise<void> {
  const picked = await connectionTarget(services, node, vpnConnection, 'Edit Connection');
  await attempt({ what: `edit the connection '${picked.name}'`, connection: picked }, async () => {
    const api = await services.azure.getApi();
    const connection = await withReadProgress(`Reading '${picked.name}'…`, () => api.getConnection(connectionRef(picked)));
    const before = connection.settings!;
    const state: EditState = { before, draft: draftOf(before) };
    await runWizard(
      {
        title: `Edit Connection '${connection.name}'`,
        steps: editSteps(services.input),
        finish: 'Save',
        finishDetail: (current) => `${changeCount(changedSettings(current).length)}. ${keyNote}`,
        reviewFirst: true,
      },
      state,
      services.input,
    );
    const changed = changedSettings(state);
    if (changed.length === 0) {
      void services.input.showMessage('info', `Nothing was changed on '${connection.name}'; nothing was sent to Azure.`, {});
      return;
    }
    await update(services, connection, state, changed);
  });
}

async function update(services: Services, connection: Connection, state: EditState, changed: string[]): Promise<void> {
  const failure = { what: `update the connection '${connection.name}'`, connection, stillRunning: `updating '${connection.name}'` };
  await attempt(failure, async () => {
    await runConnectionOperation(services, {
      activity: 'Updating…',
      title: `Updating the connection '${connection.name}'`,
      steps: [
        {
          target: connection,
          phases: changePhases('Sending the new settings…', 'Azure is applying the new settings…'),
          perform: async (api, options) => void (await api.updateConnectionSettings(connectionRef(connection), settingsOf(state.draft), options)),
        },
      ],
    });
    void services.input.showMessage('info', `Updated '${connection.name}': ${changed.join(', ')}.`, {});
  });
}
