// Set Shared Key: a key the user types or generates, confirmed, then applied with progress. The key
// is held in SecretStorage from before it is sent until Azure confirms it (see heldSharedKey.ts).
import type { Connection } from '../azure/model';
import { connectionRef } from '../tree/connectionNode';
import type { TreeNode } from '../tree/treeNode';
import { askNewSharedKey, type NewSharedKey } from './askSharedKey';
import { keyOperationPhases, runConnectionOperation, type ConnectionOperation } from './connectionOperation';
import { offerHeldKeyAfterFailure } from './heldSharedKey';
import { UserCancelledError, type Services } from './services';
import { copySharedKeyToClipboard } from './sharedKeyClipboard';
import { connectionTarget } from './targets';

export async function setSharedKey(services: Services, node?: TreeNode): Promise<void> {
  const connection = await connectionTarget(services, node, { withSharedKey: true, title: 'Set Shared Key' });
  const key = await askNewSharedKey(services.input, `Set Shared Key of '${connection.name}'`);
  const generated = key.generated ? ` A random ${key.sharedKey.length}-character key was generated; you can copy it once it is set.` : '';
  const choice = await services.input.showMessage(
    'warning',
    `Set a new shared key on '${connection.name}'?`,
    { modal: true, detail: `The tunnel stays down until the peer device uses the same key.${generated}` },
    'Set Key',
  );
  if (choice !== 'Set Key') {
    throw new UserCancelledError();
  }
  await applySharedKey(services, connection, key);
}

/** Holds the key, sends it, and releases it only once Azure confirms it. */
export async function applySharedKey(services: Services, connection: Connection, key: NewSharedKey): Promise<void> {
  const held = { connectionId: connection.id, connectionName: connection.name, ref: connectionRef(connection), sharedKey: key.sharedKey };
  await services.heldKeys.hold(held);
  const operation: ConnectionOperation = {
    connection,
    activity: 'Setting key…',
    title: `Setting the shared key of '${connection.name}'`,
    phases: keyOperationPhases('Sending the new key…'),
    stillRunning: 'setting the key',
    audit: { what: 'set shared key', keyLength: key.sharedKey.length },
    perform: (api, options) => api.setSharedKey(connectionRef(connection), key.sharedKey, options),
  };
  const outcome = await runConnectionOperation(services, operation);
  if (outcome.result !== 'succeeded') {
    await offerHeldKeyAfterFailure(services, operation, outcome, { ...held, heldAt: new Date().toISOString() });
    return;
  }
  await services.heldKeys.release(connection.id);
  const done = `The shared key of '${connection.name}' is set. Update the peer device with the same key.`;
  const copy = await services.input.showMessage('info', done, {}, ...(key.generated ? ['Copy new key'] : []));
  if (copy === 'Copy new key') {
    await copySharedKeyToClipboard(services, connection, key.sharedKey);
  }
}
