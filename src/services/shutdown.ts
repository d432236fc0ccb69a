// Aborts when the extension is deactivated: background work (a tunnel watch) stops with the window.
import type * as vscode from 'vscode';

export class Shutdown implements vscode.Disposable {
  private readonly controller = new AbortController();

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  dispose(): void {
    this.controller.abort();
  }
}
