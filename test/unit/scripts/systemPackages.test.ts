// The one list of Debian packages: what `npm test` does when one is missing, and that the README,
// the installer script and the code-server installer all name packages from it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '../../../..');

interface SystemPackage {
  name: string;
  layers: string[];
  present(): boolean;
}

const list = require(path.join(root, 'scripts', 'system-packages.js')) as {
  packages: SystemPackage[];
  ensure(layers?: string[]): { ok: boolean; message?: string };
};

describe('the Debian packages the tests need', () => {
  it('without root, a missing package stops at once with one message naming the exact command, and nothing is installed', () => {
    const chromium = list.packages.find((pkg) => pkg.name === 'chromium')!;
    const present = chromium.present;
    const getuid = process.getuid;
    chromium.present = () => false;
    process.getuid = () => 1000;
    try {
      const result = list.ensure(['e2e']);
      assert.strictEqual(result.ok, false);
      assert.strictEqual(result.message, 'Missing Debian packages: chromium. Install them with:\n  sudo bash scripts/install-system-packages.sh   # apt-get install chromium');
      assert.strictEqual(list.ensure(['unit']).ok, true, 'a layer that does not need chromium was stopped');
    } finally {
      chromium.present = present;
      process.getuid = getuid;
    }
  });

  it('every package of the list is installed on this machine (the tests that need them run here)', () => {
    assert.deepStrictEqual(list.packages.filter((pkg) => !pkg.present()).map((pkg) => pkg.name), []);
  });

  it('the README names exactly the packages of the list, and the installer script installs from it', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const setUp = readme.slice(readme.indexOf('## Set up and test'), readme.indexOf('**Why a Node 24 dev dependency.**'));
    for (const pkg of list.packages) assert.ok(setUp.includes(`\`${pkg.name}\``), `the README does not name ${pkg.name}`);
    assert.match(fs.readFileSync(path.join(root, 'scripts', 'install-system-packages.sh'), 'utf8'), /system-packages\.js/);
    assert.match(fs.readFileSync(path.join(root, 'scripts', 'install-test-host.js'), 'utf8'), /require\('\.\/system-packages'\)/);
  });
});
