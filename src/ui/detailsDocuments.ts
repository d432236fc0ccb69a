// Read-only virtual documents: connection details, BGP routes, a device configuration script. Held in
// memory while open; nothing is written to disk (VS Code backs up an untitled editor within a second,
// so a script with a key is never opened as one) unless the user saves it with Save As.
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
    return this.contents.get(uri.toString()) ?? (uri.path.endsWith('.json') ? '{}\n' : `${vscode.l10n.t('Kept in memory only: run the command again to see it.')}\n`);
  }

  /** Opens (or updates, when already open) the document of one resource; `name` is its title, without extension. */
  async show(resourceId: string, name: string, text: string, language: 'json' | 'plaintext' = 'json'): Promise<vscode.TextEditor> {
    const uri = vscode.Uri.from({ scheme: detailsScheme, path: `/${name}.${language === 'json' ? 'json' : 'txt'}`, query: resourceId });
    const key = uri.toString();
    const wasOpen = this.contents.has(key);
    this.contents.set(key, text);
    if (wasOpen) {
      this.changed.fire(uri);
    }
    const document = await vscode.workspace.openTextDocument(uri);
    const shown = document.languageId === language ? document : await vscode.languages.setTextDocumentLanguage(document, language);
    return vscode.window.showTextDocument(shown, { preview: false });
  }

  dispose(): void {
    this.registrations.forEach((registration) => registration.dispose());
    this.changed.dispose();
  }
}
