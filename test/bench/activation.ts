// Activation in the real VS Code host: code-server with the packaged .vsix installed, pointed at the
// emulator, and one Chromium window per repetition (each window has an extension host of its own).
// The window runs activationProbe.js as its "extension tests" (of a do-nothing development extension,
// so the extension under test is the installed one), which reports on the console.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from '../host/browser';
import { startCodeServer, type CodeServer } from '../host/codeServer';
import { emulatorEnvironment, emulatorSettings } from '../host/extensionSetup';
import { withTimeout } from '../host/processes';
import { activationMarker, type ActivationReport } from './activationReport';
import { startEmulatorProcess } from './emulatorProcess';

const probeTimeoutMs = 120_000;
const probeScript = path.join(__dirname, 'activationProbe.js');

function remoteUri(server: CodeServer, file: string): string {
  return `vscode-remote://127.0.0.1:${server.port}${encodeURI(file)}`;
}

/** The development extension the probe runs under: a manifest and nothing else. */
function writeProbeExtension(dir: string): void {
  const manifest = { name: 'azvpn-bench-probe', publisher: 'azvpn-bench', version: '0.0.0', engines: { vscode: '^1.100.0' } };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
}

async function probeOnce(browser: Browser, server: CodeServer, probeExtension: string): Promise<ActivationReport> {
  let report: (value: ActivationReport) => void = () => undefined;
  const reported = new Promise<ActivationReport>((resolve) => (report = resolve));
  const url = server.workbenchUrl([
    ['extensionDevelopmentPath', remoteUri(server, probeExtension)],
    ['extensionTestsPath', remoteUri(server, probeScript)],
  ]);
  const { context } = await openPage(browser, url, async (page) => {
    page.on('console', (message) => {
      const text = message.text();
      const at = text.indexOf(activationMarker);
      if (at >= 0) report(JSON.parse(text.slice(at + activationMarker.length)) as ActivationReport);
    });
    // The workbench calls this when the "tests" end (smoke test driver).
    await page.exposeFunction('codeAutomationExit', () => undefined);
  });
  try {
    return await withTimeout(reported, probeTimeoutMs, 'the activation probe did not report');
  } finally {
    await context.close();
  }
}

/** Runs the probe in `repetitions` fresh windows of one code-server. */
export async function probeActivation(vsix: string, repetitions: number): Promise<ActivationReport[]> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'azvpn-bench-activation-'));
  const workspace = path.join(scratch, 'workspace');
  const probeExtension = path.join(scratch, 'probe');
  fs.mkdirSync(workspace);
  fs.mkdirSync(probeExtension);
  writeProbeExtension(probeExtension);
  const emulator = await startEmulatorProcess({});
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startCodeServer({
      name: 'bench-activation',
      folder: workspace,
      installVsix: vsix,
      smokeTestDriver: true,
      exitWhenIdleSeconds: 120,
      env: emulatorEnvironment(emulator.info),
      settings: emulatorSettings(emulator.info),
    });
    browser = await launchBrowser();
    const reports: ActivationReport[] = [];
    for (let i = 0; i < repetitions; i++) reports.push(await probeOnce(browser, server, probeExtension));
    return reports;
  } finally {
    await browser?.close();
    await server?.stop();
    await emulator.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
