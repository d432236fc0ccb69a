// The Azure client for the current settings, made on first use and made again when a setting that
// says how to reach Azure changes.
import type * as vscode from 'vscode';
import type { AzureVpnApi, VsCodeTokenSource } from '../azure/api';
import { createAzureVpnApi, setAzureSdkLogLevel } from '../azure/createApi';
import type { Log } from './log';
import { readAzureSettings } from './settings';
import type { VsCodeAccountTokenSource } from './vscodeTokenSource';

// not user-facing: who= in the audit record, kept in English as the audit is
const methodNames = { vscode: 'VS Code account', azureCli: 'Azure CLI', environment: 'environment credential' } as const;

export class AzureSession implements vscode.Disposable {
  private api: Promise<AzureVpnApi> | undefined;
  /** Integration tests stand in for the Microsoft account (no Microsoft sign-in where they run). */
  private tokenSourceForTests: VsCodeTokenSource | undefined;
  private readonly logLevelListener: vscode.Disposable;

  constructor(
    private readonly log: Log,
    private readonly tokenSource: VsCodeAccountTokenSource,
  ) {
    // Without an api the next one is made at the channel's level; changing it now would load the SDK early.
    this.logLevelListener = log.onDidChangeLogLevel(() => {
      if (this.api) setAzureSdkLogLevel(this.log.azureLogLevel());
    });
  }

  getApi(): Promise<AzureVpnApi> {
    if (!this.api) {
      const api = createAzureVpnApi(readAzureSettings(), {
        vscodeTokenSource: this.tokenSourceForTests ?? this.tokenSource,
        log: this.log.azureLog,
        logLevel: this.log.azureLogLevel(),
      });
      // A failed creation (e.g. an incomplete custom cloud) is tried again on the next call.
      api.catch(() => {
        if (this.api === api) {
          this.api = undefined;
        }
      });
      this.api = api;
    }
    return this.api;
  }

  dispose(): void {
    this.logLevelListener.dispose();
  }

  useTokenSourceForTests(source: VsCodeTokenSource | undefined): void {
    this.tokenSourceForTests = source;
    this.reset();
  }

  /** Drops the client so the next call builds one from the current settings. */
  reset(): void {
    this.api = undefined;
  }

  /** VS Code's own sign-in dialog for the Microsoft account (with the claims Azure last asked for, if any). */
  signInWithVsCodeAccount(): Promise<boolean> {
    return this.tokenSource.signIn();
  }

  /** Who is asking, for audit lines: the sign-in method, and the account when VS Code knows it. */
  who(): string {
    const method = readAzureSettings().authentication;
    const principal = method === 'vscode' ? this.tokenSource.account : method === 'environment' ? process.env.AZURE_CLIENT_ID : undefined;
    return principal ? `${methodNames[method]} ${principal}` : methodNames[method];
  }
}
