// The localization check of `npm test` (scripts/check-l10n.js): a user-facing literal that
// l10n cannot translate fails it, and src/ has none; l10n/bundle.l10n.json holds what src/ localizes.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '../../../..');

interface Finding {
  file: string;
  line: number;
  text: string;
}

const checker = require(path.join(root, 'scripts', 'check-l10n.js')) as {
  check(targets: string[]): Finding[];
  checkSource(fileName: string, text: string): Finding[];
};

function found(source: string): string[] {
  return checker.checkSource('sample.ts', source).map((finding) => finding.text);
}

describe('the localization check', () => {
  it('finds a message, a template, a label, a tooltip and a button a user reads that l10n cannot translate', () => {
    const source = [
      "import * as vscode from 'vscode';",
      'export async function remove(name: string): Promise<void> {',
      "  const choice = await vscode.window.showWarningMessage(`Delete the connection '${name}'?`, { modal: true }, 'Delete');",
      "  const item = { label: 'Retry', tooltip: 'Click to try again.' };",
      "  if (choice) throw new Error('Azure did not say why.');",
      "  return report('Deleting…', item);",
      '}',
    ].join('\n');
    assert.deepStrictEqual(found(source), ["`Delete the connection '${name}'?`", "'Delete'", "'Retry'", "'Click to try again.'", "'Azure did not say why.'", "'Deleting…'"]);
  });

  it('passes what goes through l10n, the log, module names, types, Azure values compared or matched, and a marked literal', () => {
    const source = [
      "import * as vscode from 'vscode';",
      "import * as l10n from '@vscode/l10n';",
      "type Phase = 'not started' | 'Succeeded';",
      'export function say(name: string, log: { warn(m: string): void }, status: string): string {',
      "  log.warn(`Could not read ${name}: it went away`);",
      "  if (status === 'Not Connected') return vscode.l10n.t(\"Deleted the connection '{0}'.\", name);",
      "  switch (status) { case 'In Progress': return l10n.t({ message: 'Retry {0}', args: [name], comment: ['a button label'] }); }",
      '  // not user-facing: Azure Resource Graph reads this query',
      "  const query = 'resources | where type =~ \"microsoft.network/connections\"';",
      "  return vscode.l10n.t('{0} of {1}', query, 'x');",
      '}',
    ].join('\n');
    assert.deepStrictEqual(found(source), []);
  });

  it('finds prose given to l10n.t as an argument rather than as the message', () => {
    assert.deepStrictEqual(found("const a = vscode.l10n.t('Could not {0}.', 'delete the connection');"), ["'delete the connection'"]);
  });

  it('finds no user-facing literal in src/ that is not localizable', () => {
    const findings = checker.check([path.join(root, 'src')]);
    assert.deepStrictEqual(findings.map((finding) => `${finding.file}:${finding.line}: ${finding.text}`), []);
  });

  it('l10n/bundle.l10n.json is what @vscode/l10n-dev exports from src/ today (npm run l10n writes it)', function () {
    this.timeout(60_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'azvpn-l10n-'));
    try {
      execFileSync(path.join(root, 'node_modules', '.bin', 'vscode-l10n-dev'), ['export', '--outDir', dir, path.join(root, 'src')], { stdio: 'pipe' });
      const exported = JSON.parse(fs.readFileSync(path.join(dir, 'bundle.l10n.json'), 'utf8')) as Record<string, unknown>;
      const committed = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, unknown>;
      assert.deepStrictEqual(committed, exported, 'l10n/bundle.l10n.json is stale: run "npm run l10n"');
      assert.ok(Object.keys(exported).length > 300, `only ${Object.keys(exported).length} strings are localized`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
