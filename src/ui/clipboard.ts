// Copies a shared key to the clipboard and clears it after the configured time, but only if the
// clipboard still holds that key (the user may have copied something else meanwhile).
import * as vscode from 'vscode';

export class KeyClipboard implements vscode.Disposable {
  private readonly pending = new Map<NodeJS.Timeout, string>();

  async copy(sharedKey: string, clearAfterSeconds: number): Promise<void> {
    await vscode.env.clipboard.writeText(sharedKey);
    if (clearAfterSeconds <= 0) {
      return;
    }
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      void clearIfStillHolds(sharedKey);
    }, clearAfterSeconds * 1000);
    this.pending.set(timer, sharedKey);
  }

  /** On deactivation, clear now rather than leave a key behind. */
  dispose(): void {
    for (const [timer, sharedKey] of this.pending) {
      clearTimeout(timer);
      void clearIfStillHolds(sharedKey);
    }
    this.pending.clear();
  }
}

async function clearIfStillHolds(sharedKey: string): Promise<void> {
  if ((await vscode.env.clipboard.readText()) === sharedKey) {
    await vscode.env.clipboard.writeText('');
  }
}
