// Copying a shared key: to the clipboard, a confirmation that never echoes the key, an audit line.
import * as l10n from '@vscode/l10n';
import { clipboardClearSeconds } from '../services/settings';
import { writeAudit } from './failures';
import type { Services } from './services';

/** `connection` names the connection by resource id and name (the key may be held for one Azure cannot be asked about now). */
export async function copySharedKeyToClipboard(services: Services, connection: { id: string; name: string }, sharedKey: string): Promise<void> {
  const seconds = clipboardClearSeconds();
  await services.clipboard.copy(sharedKey, seconds);
  // not user-facing: the audit record's operation (KeyOperation), kept in English
  writeAudit(services, { what: 'copied shared key', connectionId: connection.id, keyLength: sharedKey.length });
  // One short line: a notification without buttons shows only its first line.
  const said = seconds > 0 ? l10n.t("Copied the shared key of '{0}'; the clipboard clears in {1} s.", connection.name, seconds) : l10n.t("Copied the shared key of '{0}'.", connection.name);
  void services.input.showMessage('info', said, {});
}
