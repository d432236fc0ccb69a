#!/usr/bin/env node
// npm run demo: try the extension without an Azure account. Builds if needed, starts the Azure
// Resource Manager emulator (default data, 2 s long-running operations) and a real VS Code
// (code-server) with the packaged extension installed and pointed at it, prints the address to
// open, and stops both on Ctrl+C.
//
//   npm run demo                      VS Code in the browser (code-server) on a free port
//   npm run demo -- --port 8080       … on that port
//   npm run demo -- --emulator-only   only the emulator, for desktop VS Code (F5, .vscode/launch.json):
//                                     writes .vscode-test/demo/emulator.env and the settings of the
//                                     folder .vscode-test/demo/desktop-workspace, then prints the emulator's JSON line
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const demoDir = path.join(root, '.vscode-test', 'demo');
// Two folders: workspace settings win over user settings, so the desktop one must not leak into the browser demo.
const browserWorkspace = path.join(demoDir, 'workspace');
const desktopWorkspace = path.join(demoDir, 'desktop-workspace');
const envFile = path.join(demoDir, 'emulator.env');

/** What the demo runs, compiled: stale when a source is newer than any of them. */
const outputs = ['dist/extension.js', 'out/test/emulator/server.js', 'out/test/host/codeServer.js', 'out/test/e2e/support/vsix.js'];
const sources = ['src', 'test', 'package.json', 'tsconfig.json', 'esbuild.js'];

function usage(message) {
  console.error(`${message}\nUsage: npm run demo [-- --port N | -- --emulator-only]`);
  process.exit(2);
}

function parseArguments(args) {
  const options = { port: undefined, emulatorOnly: false };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--emulator-only') options.emulatorOnly = true;
    else if (args[i] === '--port' && /^\d+$/.test(args[i + 1] || '')) options.port = Number(args[++i]);
    else usage(`Unknown or incomplete option ${args[i]}.`);
  }
  return options;
}

function newestChange(entry) {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestChange(path.join(entry, child)));
  return newest;
}

function needsBuild() {
  const built = outputs.map((file) => path.join(root, file));
  if (built.some((file) => !fs.existsSync(file))) return true;
  const oldestOutput = Math.min(...built.map((file) => fs.statSync(file).mtimeMs));
  return sources.some((source) => newestChange(path.join(root, source)) > oldestOutput);
}

/** TypeScript (the emulator and launcher the demo runs) when sources changed, then the extension bundle. */
function build({ forDebugging }) {
  if (needsBuild()) {
    console.log('demo: compiling TypeScript…');
    const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', root], { stdio: 'inherit' });
    if (tsc.status !== 0) console.warn('demo: TypeScript reported errors (above); going on with what it emitted.');
  } else if (!forDebugging) {
    return;
  }
  // Desktop debugging wants the unminified bundle with source maps, so breakpoints in src/ bind.
  const bundle = spawnSync(process.execPath, [path.join(root, 'esbuild.js'), ...(forDebugging ? [] : ['--production'])], { cwd: root, stdio: 'inherit' });
  if (bundle.status !== 0) throw new Error('the extension bundle did not build (see above).');
  const missing = outputs.filter((file) => !fs.existsSync(path.join(root, file)));
  if (missing.length > 0) throw new Error(`the build did not produce ${missing.join(', ')}.`);
}

function compiled(file) {
  return require(path.join(root, 'out', file));
}

/** For desktop VS Code: the Extension Development Host reads these through launch.json (envFile + folder). */
function writeDesktopSetup(info, settings) {
  const { emulatorEnvironment } = compiled('test/host/extensionSetup.js');
  const env = emulatorEnvironment(info);
  delete env.AZVPN_EMULATOR; // for tests only; its JSON does not fit an env file line
  fs.mkdirSync(path.join(desktopWorkspace, '.vscode'), { recursive: true });
  fs.writeFileSync(envFile, Object.entries(env).map(([key, value]) => `${key}=${value}`).join('\n') + '\n');
  fs.writeFileSync(path.join(desktopWorkspace, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  build({ forDebugging: options.emulatorOnly });
  const { startEmulator } = compiled('test/emulator/server.js');
  const { emulatorEnvironment, emulatorSettings } = compiled('test/host/extensionSetup.js');

  const emulator = await startEmulator({ quiet: true });
  const stops = [() => emulator.close()];
  let stopping;
  // Ctrl+C and a SIGTERM may both arrive: stop once.
  const stop = (signal) => {
    stopping ??= (async () => {
      console.log(`\ndemo: ${signal}, stopping…`);
      for (const step of stops.reverse()) await step().catch((error) => console.error(error.message));
      process.exit(0);
    })();
  };
  process.on('SIGINT', () => stop('Ctrl+C'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  const settings = emulatorSettings(emulator.info);
  if (options.emulatorOnly) {
    writeDesktopSetup(emulator.info, settings);
    // The line the "emulator" task in .vscode/tasks.json waits for before F5 goes on.
    console.log(JSON.stringify(emulator.info));
    console.log(`demo: emulator on ${emulator.url}; environment in ${envFile}; Ctrl+C stops it.`);
    return;
  }

  const { packageExtension } = compiled('test/e2e/support/vsix.js');
  const { startCodeServer } = compiled('test/host/codeServer.js');
  console.log('demo: packaging the extension and starting VS Code (code-server)…');
  fs.mkdirSync(browserWorkspace, { recursive: true });
  const server = await startCodeServer({
    name: 'demo',
    folder: browserWorkspace,
    port: options.port,
    installVsix: await packageExtension(),
    env: emulatorEnvironment(emulator.info),
    settings,
  });
  stops.push(() => server.stop());
  console.log(`
  Azure VPN Gateway Connections — demo on the local Azure emulator

  Open ${server.workbenchUrl()}
  then the "Azure VPN" icon in the activity bar.

  The emulated Azure behind it:
    Resource Manager  ${emulator.info.resourceManagerEndpoint}  (token audience ${emulator.info.resourceManagerAudience})
    CA certificate    ${emulator.info.caFile}  (trust it with NODE_EXTRA_CA_CERTS)
    Control API       ${emulator.info.resourceManagerEndpoint}/_emulator/  (state, faults, devices: test/emulator/README.md)

  Long-running operations take about 2 s, as in Azure (only faster). The emulator has no portal:
  Open in Portal offers the real Azure portal, where these resources do not exist.
  Ctrl+C stops VS Code and the emulator.
`);
}

main().catch((error) => {
  console.error(`✖ demo: ${error.message}`);
  process.exit(1);
});
