// Where things are, from the compiled location (out/test/host) or the source one (test/host).
import * as fs from 'fs';
import * as path from 'path';

function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'scripts', 'install-test-host.js'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No repository root (with scripts/install-test-host.js) above ${start}.`);
  }
}

export const repoRoot = findRepoRoot(__dirname);
export const testResultsDir = path.join(repoRoot, 'test-results');

/** The extension as package.json's `main` names it; fails with what to run when it is not built. */
export function extensionBundle(): string {
  const bundle = path.join(repoRoot, 'dist', 'extension.js');
  if (!fs.existsSync(bundle)) throw new Error(`${bundle} is missing: run "npm run build:test" first.`);
  return bundle;
}
