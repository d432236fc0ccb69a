// The secret-hygiene search: every file the VS Code server wrote (settings, state, logs), the browser
// console, and the browser's storage (SecretStorage included), searched for every key a flow saw.
import type { Page } from 'playwright-core';
import { readBrowserStorage, readSecretStorage } from './browserStorage';
import type { KeyHit, KeySearch } from './keySearch';
import type { Session } from './session';

export async function keysWrittenAnywhere(session: Session, page: Page, keys: KeySearch): Promise<KeyHit[]> {
  const { server } = session;
  const files = keys.inFiles([server.userDataDir, server.extensionsDir, server.folder], [server.logFile, session.consoleLog]);
  const secrets = Object.entries(await readSecretStorage(page)).map(([name, value]) => ({ place: 'SecretStorage entry', text: `${name}\n${value}` }));
  const browser = [...(await readBrowserStorage(page)), ...secrets];
  const hits = [...files.hits, ...keys.inTexts(browser)];
  console.log(`      searched ${keys.size} keys in ${files.searched} files and ${browser.length} browser storage records: ${hits.length} holding a key`);
  return hits;
}
