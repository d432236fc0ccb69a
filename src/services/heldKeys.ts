// Shared keys the user chose that Azure has not confirmed yet ("nothing lost on a half-finished
// rotation"). They live only in VS Code's SecretStorage, as one JSON entry, until the key is set or
// the user discards it. The connection ids (not secret) are mirrored in memory for the tree.
import * as vscode from 'vscode';
import type { ConnectionRef } from '../azure/model';

export interface HeldKey {
  connectionId: string;
  connectionName: string;
  ref: ConnectionRef;
  sharedKey: string;
  /** ISO time the key was first held. */
  heldAt: string;
}

const secretName = 'azureVpn.heldSharedKeys';

function idOf(connectionId: string): string {
  return connectionId.toLowerCase();
}

export class HeldKeys implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private ids = new Set<string>();
  /** Writes run one after another so two operations never overwrite each other's entry. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly watcher: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    // Another window of the same profile may hold or discard a key.
    this.watcher = secrets.onDidChange((event) => {
      if (event.key === secretName) {
        void this.load();
      }
    });
  }

  async load(): Promise<HeldKey[]> {
    const all = await this.read();
    this.ids = new Set(Object.keys(all));
    this.changed.fire();
    return Object.values(all);
  }

  /** Synchronous, for drawing the tree. */
  isHeld(connectionId: string): boolean {
    return this.ids.has(idOf(connectionId));
  }

  async get(connectionId: string): Promise<HeldKey | undefined> {
    return (await this.read())[idOf(connectionId)];
  }

  hold(key: Omit<HeldKey, 'heldAt'>): Promise<void> {
    return this.update((all) => {
      all[idOf(key.connectionId)] = { ...key, heldAt: new Date().toISOString() };
    });
  }

  release(connectionId: string): Promise<void> {
    return this.update((all) => {
      delete all[idOf(connectionId)];
    });
  }

  private update(change: (all: Record<string, HeldKey>) => void): Promise<void> {
    const next = this.queue.then(async () => {
      const all = await this.read();
      change(all);
      if (Object.keys(all).length) {
        await this.secrets.store(secretName, JSON.stringify(all));
      } else {
        await this.secrets.delete(secretName);
      }
      this.ids = new Set(Object.keys(all));
      this.changed.fire();
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async read(): Promise<Record<string, HeldKey>> {
    const text = await this.secrets.get(secretName);
    if (!text) {
      return {};
    }
    try {
      return JSON.parse(text) as Record<string, HeldKey>;
    } catch {
      return {};
    }
  }

  dispose(): void {
    this.watcher.dispose();
    this.changed.dispose();
  }
}
