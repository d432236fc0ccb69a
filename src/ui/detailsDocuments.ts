// Read-only virtual documents for "Show Connection Details". Nothing is written to disk.
import * as vscode from 'vscode';

const detailsScheme = 'azure-vpn-details';

export class DetailsDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registrations = [
    vscode.workspace.registerTextDocumentContentProvider(detailsScheme, this),
    vscode.workspace.onDidCloseTextDocument((document) => this.contents.delete(document.uri.toString())),
  ];

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '{}\n';
  }

  /** Opens (or updates, when already open) the document of one connection. */
  async show(connectionId: string, connectionName: string, json: string): Promise<vscode.TextEditor> {
    const uri = vscode.Uri.from({ scheme: detailsScheme, path: `/${connectionName}.json`, query: connectionId });
    const key = uri.toString();
    const wasOpen = this.contents.has(key);
    this.contents.set(key, json);
    if (wasOpen) {
      this.changed.fire(uri);
    }
    const document = await vscode.workspace.openTextDocument(uri);
    const shown = document.languageId === 'json' ? document : await vscode.languages.setTextDocumentLanguage(document, 'json');
    return vscode.window.showTextDocument(shown, { preview: false });
  }

  dispose(): void {
    this.registrations.forEach((registration) => registration.dispose());
    this.changed.dispose();
  }
}
