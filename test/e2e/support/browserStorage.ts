// What the workbench keeps in the browser: code-server's VS Code stores its global and workspace
// state, its window logs and (sealed) the extensions' SecretStorage in Chromium, not on the server.
import type { Page } from 'playwright-core';

/** What a test reads back from one place of the browser's storage; `place` never quotes what is stored. */
export interface StoredText {
  place: string;
  text: string;
}

/** The extension's id, as VS Code names its SecretStorage entries. */
const extensionId = 'azure-vpn-tools.azure-vpn-gateway-connections';

/** code-server's SecretStorage: one localStorage item, AES-GCM sealed (vs/code/browser/workbench/workbench.ts). */
const sealedSecretsItem = 'secrets.provider';

/** The name VS Code files an extension's secret under in the sealed record. */
export function extensionSecretName(key: string): string {
  return JSON.stringify({ extensionId, key });
}

// Browser globals the page functions below use; they run in Chromium, where these exist.
declare const indexedDB: {
  databases(): Promise<Array<{ name?: string }>>;
  open(name: string): { result: BrowserDatabase; onsuccess: () => void; onerror: () => void; error: unknown };
};
interface BrowserDatabase {
  objectStoreNames: Iterable<string>;
  transaction(store: string): { objectStore(name: string): { getAll(): BrowserRequest; getAllKeys(): BrowserRequest } };
  close(): void;
}
interface BrowserRequest {
  result: unknown[];
  onsuccess: () => void;
  onerror: () => void;
  error: unknown;
}
declare const sessionStorage: typeof localStorage;
declare const location: { pathname: string };

/**
 * Every secret VS Code holds for this window's profile, opened as the workbench opens it: the sealed
 * item's first 32 bytes are the client's key half, XORed with the server's half from `<path>/mint-key`.
 */
export function readSecretStorage(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async (item) => {
    const sealed = localStorage.getItem(item);
    if (!sealed) return {};
    const bytes = Uint8Array.from(atob(sealed), (character) => character.charCodeAt(0));
    const response = await fetch(`${location.pathname}/mint-key`.replace(/\/\/+/g, '/'), { method: 'POST', credentials: 'include' });
    const serverHalf = new Uint8Array(await response.arrayBuffer());
    const key = await crypto.subtle.importKey('raw', bytes.slice(0, 32).map((byte, index) => byte ^ serverHalf[index]), 'AES-GCM', false, ['decrypt']);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.slice(32, 44) }, key, bytes.slice(44));
    return JSON.parse(new TextDecoder().decode(plain)) as Record<string, string>;
  }, sealedSecretsItem);
}

/**
 * Everything else the workbench stored in the browser, as text: localStorage (but the sealed secrets,
 * which are ciphertext), sessionStorage, and every record of every IndexedDB database (state, logs, files).
 */
export async function readBrowserStorage(page: Page): Promise<StoredText[]> {
  return page.evaluate(async (skipped) => {
    const found: Array<{ place: string; text: string }> = [];
    const asText = (value: unknown): string =>
      value instanceof Uint8Array ? new TextDecoder().decode(value) : value instanceof ArrayBuffer ? new TextDecoder().decode(new Uint8Array(value)) : JSON.stringify(value) ?? '';
    for (const [name, storage] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]] as const) {
      for (let index = 0; index < storage.length; index++) {
        const key = storage.key(index)!;
        if (name === 'localStorage' && key === skipped) continue;
        found.push({ place: `${name} item ${index + 1}`, text: `${key}\n${storage.getItem(key) ?? ''}` });
      }
    }
    const request = <T>(open: { onsuccess: () => void; onerror: () => void; error: unknown }, result: () => T) =>
      new Promise<T>((resolve, reject) => {
        open.onsuccess = () => resolve(result());
        open.onerror = () => reject(open.error);
      });
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const opening = indexedDB.open(name);
      const database = await request(opening, () => opening.result);
      for (const store of Array.from(database.objectStoreNames)) {
        const keys = database.transaction(store).objectStore(store).getAllKeys();
        const keyList = await request(keys, () => keys.result);
        const values = database.transaction(store).objectStore(store).getAll();
        const valueList = await request(values, () => values.result);
        valueList.forEach((value, index) => found.push({ place: `IndexedDB ${name}/${store} record ${index + 1}`, text: `${asText(keyList[index])}\n${asText(value)}` }));
      }
      database.close();
    }
    return found;
  }, sealedSecretsItem);
}
