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
  const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  try {
    // Runs the vscode:prepublish build itself. The README's relative image links stay relative:
    // rewriting them needs a repository URL, which a local test package does not need.
    await promisify(execFile)(
      process.execPath,
      [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--allow-missing-repository', '-o', output],
      { cwd: repoRoot, timeout: packageTimeoutMs, maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    const failure = error as Error & { stdout?: string; stderr?: string };
    throw new Error(`vsce could not package the extension: ${failure.message}\n${failure.stdout ?? ''}${failure.stderr ?? ''}`);
  }
  return output;
}

/** Packages the extension once per test run and returns the .vsix path. */
export function packageExtension(): Promise<string> {
  packaged ??= packageOnce();
  return packaged;
}
