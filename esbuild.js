// Bundles the extension in two files. dist/extension.js is what VS Code loads on activation: our code
// only. dist/azure-sdk.js holds the Azure SDK packages our code require()s (and the XML parser of the
// VPN device list), loaded on the first call to Azure, so activation parses none of it.
// Type-checking is `tsc --noEmit` beside it.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const sdkFile = 'azure-sdk.js';

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  mainFields: ['module', 'main'],
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  keepNames: true,
  metafile: true,
  logLevel: 'warning',
};

/** The packages dist/extension.js asks for that live in dist/azure-sdk.js; each is read from it when first required. */
const sdkPackages = new Set();

const lazyAzureSdk = {
  name: 'lazy-azure-sdk',
  setup(build) {
    build.onResolve({ filter: /^(@azure\/|fast-xml-parser$)/, namespace: 'file' }, (args) => {
      sdkPackages.add(args.path);
      return { path: args.path, namespace: 'azure-sdk' };
    });
    build.onResolve({ filter: /^\.\/azure-sdk\.js$/ }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'azure-sdk' }, (args) => ({
      contents: `module.exports = require('./${sdkFile}')[${JSON.stringify(args.path)}];`,
      loader: 'js',
    }));
    build.onEnd(async (result) => {
      if (result.errors.length === 0) await buildSdk();
    });
  },
};

/** One getter per package, so a package is evaluated only when our code first requires it. */
function sdkEntry() {
  const getters = [...sdkPackages].sort().map((name) => `  get ${JSON.stringify(name)}() { return require(${JSON.stringify(name)}); },`);
  return `module.exports = {\n${getters.join('\n')}\n};\n`;
}

let builtEntry;
async function buildSdk() {
  const entry = sdkEntry();
  if (entry === builtEntry && fs.existsSync(path.join('dist', sdkFile))) return;
  const result = await esbuild.build({
    ...common,
    stdin: { contents: entry, resolveDir: __dirname, sourcefile: 'azure-sdk-entry.js', loader: 'js' },
    outfile: path.join('dist', sdkFile),
  });
  builtEntry = entry;
  if (process.argv.includes('--analyze')) console.log(await esbuild.analyzeMetafile(result.metafile));
}

async function main() {
  const ctx = await esbuild.context({
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [lazyAzureSdk],
  });
  if (watch) {
    await ctx.watch();
    return;
  }
  const result = await ctx.rebuild();
  await ctx.dispose();
  if (process.argv.includes('--analyze')) {
    console.log(await esbuild.analyzeMetafile(result.metafile));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
