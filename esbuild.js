// Bundles the extension into dist/extension.js. Type-checking is `tsc --noEmit` beside it.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

async function main() {
  const ctx = await esbuild.context({
    entryPoints: ['src/extension.ts'],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outfile: 'dist/extension.js',
    external: ['vscode'],
    mainFields: ['module', 'main'],
    minify: production,
    sourcemap: production ? false : 'linked',
    sourcesContent: false,
    keepNames: true,
    metafile: true,
    logLevel: 'warning',
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
