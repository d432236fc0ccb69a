// The pseudo-translation (qps-ploc) VS Code uses to show what is localized: every string of the
// extension's package.nls.json and l10n/bundle.l10n.json, made by @vscode/l10n-dev generate-pseudo
// ("Refresh" → "Řḗḗƒřḗḗşħ"), added to the installed extension before the server starts. VS Code
// runs in a locale only where a language pack for it is installed, so a pack with no translations
// of VS Code's own strings is installed beside it: the workbench stays in English and only what the
// extension localized changes.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from '../../host/paths';

export const pseudoLocale = 'qps-ploc';

const packId = 'azvpn-tests.pseudo-language-pack';
const packVersion = '1.0.0';

/** The English strings and their pseudo-translation, as generated for this run. */
export interface PseudoTranslation {
  manifest: Record<string, string>;
  bundle: Record<string, string>;
}

let generated: PseudoTranslation | undefined;

/** Generates the pseudo-translation of the extension's strings (once per run). */
export function pseudoTranslation(): PseudoTranslation {
  if (generated) return generated;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'azvpn-pseudo-'));
  fs.copyFileSync(path.join(repoRoot, 'package.nls.json'), path.join(dir, 'package.nls.json'));
  fs.copyFileSync(path.join(repoRoot, 'l10n', 'bundle.l10n.json'), path.join(dir, 'bundle.l10n.json'));
  const tool = path.join(repoRoot, 'node_modules', '.bin', 'vscode-l10n-dev');
  execFileSync(tool, ['generate-pseudo', '--language', pseudoLocale, path.join(dir, 'package.nls.json'), path.join(dir, 'bundle.l10n.json')], { stdio: 'pipe' });
  const read = (name: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  generated = { manifest: read(`package.nls.${pseudoLocale}.json`), bundle: read(`bundle.l10n.${pseudoLocale}.json`) };
  fs.rmSync(dir, { recursive: true, force: true });
  return generated;
}

/** What VS Code shows for a message the code localizes, with its arguments filled in as l10n.t does. */
export function pseudo(message: string, ...args: Array<string | number>): string {
  const translated = pseudoTranslation().bundle[message];
  if (translated === undefined) throw new Error(`"${message}" is not in l10n/bundle.l10n.json: run "npm run l10n".`);
  return translated.replace(/\{(\d+)\}/g, (whole, index: string) => (args[Number(index)] ?? whole).toString());
}

function installedExtensionDir(extensionsDir: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  const dir = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`.toLowerCase());
  if (!fs.existsSync(path.join(dir, 'package.json'))) throw new Error(`The extension is not installed in ${dir}.`);
  return dir;
}

/** A `prepare` step of the code-server session: the pseudo-translation in the extension, and a language pack for the locale. */
export function installPseudoTranslation({ extensionsDir, userDataDir }: { extensionsDir: string; userDataDir: string }): void {
  const { manifest, bundle } = pseudoTranslation();
  const extension = installedExtensionDir(extensionsDir);
  fs.writeFileSync(path.join(extension, `package.nls.${pseudoLocale}.json`), JSON.stringify(manifest));
  fs.mkdirSync(path.join(extension, 'l10n'), { recursive: true });
  fs.writeFileSync(path.join(extension, 'l10n', `bundle.l10n.${pseudoLocale}.json`), JSON.stringify(bundle));

  const pack = path.join(extensionsDir, `${packId}-${packVersion}`);
  fs.mkdirSync(path.join(pack, 'translations'), { recursive: true });
  const [publisher, name] = packId.split('.');
  fs.writeFileSync(
    path.join(pack, 'package.json'),
    JSON.stringify({
      name,
      publisher,
      version: packVersion,
      engines: { vscode: '^1.90.0' },
      categories: ['Language Packs'],
      contributes: {
        localizations: [{ languageId: pseudoLocale, languageName: 'Pseudo Language', localizedLanguageName: 'Pseudo Language', translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] }],
      },
    }),
  );
  const vscodeStrings = path.join(pack, 'translations', 'main.i18n.json');
  fs.writeFileSync(vscodeStrings, JSON.stringify({ version: packVersion, contents: {} }));
  // The index of installed language packs VS Code keeps in its user data (written when a pack is
  // installed from the Marketplace; here the pack is copied in, so the index is written with it).
  fs.writeFileSync(
    path.join(userDataDir, 'languagepacks.json'),
    JSON.stringify({
      [pseudoLocale]: { hash: 'azvpn-tests-1', label: 'Pseudo Language', extensions: [{ extensionIdentifier: { id: packId }, version: packVersion }], translations: { vscode: vscodeStrings } },
    }),
  );
}
