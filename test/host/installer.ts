// Typed access to scripts/install-test-host.js, which stays plain JS so it also runs without a build.
import * as path from 'path';
import { repoRoot } from './paths';

interface TestHostInstaller {
  CODE_SERVER_VERSION: string;
  ensureCodeServer(options?: { report?: (line: string) => void }): Promise<string>;
  node24Path(): string;
  chromiumPath(): string;
}

const installer = require(path.join(repoRoot, 'scripts', 'install-test-host.js')) as TestHostInstaller;

export const { CODE_SERVER_VERSION, ensureCodeServer, node24Path, chromiumPath } = installer;
