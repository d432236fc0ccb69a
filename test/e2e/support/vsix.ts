// The extension as users get it: a .vsix packaged by vsce from this repository.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { repoRoot } from '../../host/paths';

const packageTimeoutMs = 120_000;
let packaged: Promise<string> | undefined;

async function packageOnce(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'azvpn-vsix-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const output = path.join(dir, 'azure-vpn-gateway-connections.vsix');
  let said: string;
  try {
    // The README's `npm run package`, as a publisher runs it (it runs the vscode:prepublish build itself).
    const { stdout, stderr } = await promisify(execFile)('npm', ['run', '-s', 'package', '--', '-o', output], {
      cwd: repoRoot,
      timeout: packageTimeoutMs,
      maxBuffer: 16 * 1024 * 1024,
    });
    said = `${stdout}${stderr}`;
  } catch (error) {
    const failure = error as Error & { stdout?: string; stderr?: string };
    throw new Error(`npm run package could not package the extension: ${failure.message}\n${failure.stdout ?? ''}${failure.stderr ?? ''}`);
  }
  // A publisher must get a clean package: vsce's warnings (a missing repository, unresolvable images…) fail the tests.
  const warnings = said.split('\n').filter((line) => /\bWARNING\b|\bwarn\b/i.test(line));
  if (warnings.length) throw new Error(`npm run package warned:\n${warnings.join('\n')}`);
  return output;
}

/** Packages the extension once per test run and returns the .vsix path. */
export function packageExtension(): Promise<string> {
  packaged ??= packageOnce();
  return packaged;
}
