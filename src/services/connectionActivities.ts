// Operations this window started on connections and is still waiting for, so the tree can show a
// spinner and "Resetting key…" on the connection meanwhile.
import * as vscode from 'vscode';
/** What is running on a connection right now, in the words the tree shows. */
export type ConnectionActivity = 'resettingKey' | 'settingKey' | 'deleting' | 'creating' | 'resettingConnection' | 'updating';

export class ConnectionActivities implements vscode.Disposable {
  private readonly running = new Map<string, ConnectionActivity>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the connection's resource id. */
  readonly onDidChange = this.changed.event;

  of(connectionId: string): ConnectionActivity | undefined {
    return this.running.get(connectionId.toLowerCase());
  }

  async run<T>(connectionId: string, activity: ConnectionActivity, operation: () => Promise<T>): Promise<T> {
    const key = connectionId.toLowerCase();
    this.running.set(key, activity);
    this.changed.fire(connectionId);
    try {
      return await operation();
    } finally {
      this.running.delete(key);
      this.changed.fire(connectionId);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
